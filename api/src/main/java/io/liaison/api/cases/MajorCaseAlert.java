package io.liaison.api.cases;

import io.liaison.api.BureauId;
import java.time.LocalDate;
import java.util.List;

/**
 * A shared case that reached the agreed major-case value (大要案, reported upward at once), as this
 * node told it ({@code case.major}): the case, its value and the value in force when it was told
 * ({@code thresholdFen}, null for alerts told before the value was recorded).
 */
public record MajorCaseAlert(
    String id,
    CaseNumber caseNumber,
    BureauId bureau,
    long version,
    CaseCategory category,
    Disposition disposition,
    long valueFen,
    Long thresholdFen,
    LocalDate filedOn) {

  /** The alerts this node holds, newest first. */
  public record Page(List<MajorCaseAlert> items) {
    public Page {
      items = List.copyOf(items);
    }
  }
}
