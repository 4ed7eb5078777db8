package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A lead's current status, derived by replaying its signed transitions: state, owning bureau,
 * pending hand-over, feedback given to the origin by the owner (主办), the close outcome, and the
 * bureaus invited to co-handle (协办) with their own part each.
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
    String lastHash,
    List<CoHandler> cohandlers) {
  public LeadStatus {
    feedback = feedback == null ? List.of() : List.copyOf(feedback);
    cohandlers = cohandlers == null ? List.of() : List.copyOf(cohandlers);
  }

  /** A status with no co-handlers. */
  public LeadStatus(
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
    this(
        state,
        owner,
        handoverTo,
        claimedAt,
        feedback,
        outcome,
        caseNumber,
        mergedInto,
        closedAt,
        version,
        lastHash,
        List.of());
  }

  /** The co-handling part of {@code bureau}, if it was ever invited. */
  public java.util.Optional<CoHandler> cohandler(BureauId bureau) {
    return cohandlers.stream().filter(c -> c.bureau().equals(bureau)).findFirst();
  }

  /** One feedback report to the origin bureau. */
  public record Feedback(BureauId bureau, String officer, Instant at, String text) {}
}
