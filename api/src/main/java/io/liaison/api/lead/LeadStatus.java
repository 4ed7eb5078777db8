package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A lead's current status, derived by replaying its signed transitions: state, owning bureau,
 * pending hand-over, feedback given to the origin, and the close outcome.
 */
public record LeadStatus(
    LeadState state,
    BureauId owner,
    BureauId handoverTo,
    Instant claimedAt,
    List<Feedback> feedback,
    Outcome outcome,
    String caseNumber,
    String mergedInto,
    Instant closedAt,
    int version,
    String lastHash) {
  public LeadStatus {
    feedback = feedback == null ? List.of() : List.copyOf(feedback);
  }

  /** One feedback report to the origin bureau. */
  public record Feedback(BureauId bureau, String officer, Instant at, String text) {}
}
