package io.liaison.api.price;

import io.liaison.api.FieldException;
import java.util.List;

/**
 * Recording (a batch of) a check's findings: the visits, and the officer who records them. The
 * first recording unseals the plan for the checked bureau; later ones add visits.
 */
public record FindingsRequest(String officer, List<RetailerVisit> visits) {
  public static final int MAX_VISITS = 20_000;

  public FindingsRequest {
    officer = FieldException.text(officer, "officer", 64);
    visits = Lists.copy(visits, "visits", MAX_VISITS);
    if (visits.isEmpty()) {
      FieldException.invalid("visits", "record at least one visit");
    }
  }
}
