package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/** One signed transition in a lead's history, with its proof. */
public record TransitionView(
    LeadEvent event,
    BureauId bureau,
    String officer,
    Instant at,
    String note,
    BureauId to,
    String feedback,
    Outcome outcome,
    String caseNumber,
    String mergedInto,
    String keyId,
    String hash,
    List<BureauId> cohandlers) {
  /** A transition that invites nobody to co-handle. */
  public TransitionView(
      LeadEvent event,
      BureauId bureau,
      String officer,
      Instant at,
      String note,
      BureauId to,
      String feedback,
      Outcome outcome,
      String caseNumber,
      String mergedInto,
      String keyId,
      String hash) {
    this(
        event,
        bureau,
        officer,
        at,
        note,
        to,
        feedback,
        outcome,
        caseNumber,
        mergedInto,
        keyId,
        hash,
        null);
  }
}
