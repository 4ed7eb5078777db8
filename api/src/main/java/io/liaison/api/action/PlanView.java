package io.liaison.api.action;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A plan as a node shows it. To a bureau that does not take part, {@code sealed} is true and {@code
 * plan}, briefings' and follow-ups' texts are null: it sees only who leads, who takes part, the
 * kind, the area and the time window.
 *
 * @param version the current plan version (1 for the first draft)
 * @param awaiting participating bureaus whose chief has not signed the current version
 * @param total the sum of the bureaus' results
 */
public record PlanView(
    String id,
    BureauId leadBureau,
    List<BureauId> participants,
    PlanKind kind,
    List<String> area,
    TimeWindow window,
    PlanState state,
    int version,
    String versionHash,
    boolean sealed,
    PlanContent plan,
    List<Approval> approvals,
    List<BureauId> awaiting,
    List<BureauResult> results,
    PlanResult total,
    List<Briefing> briefings,
    PlanSummary summary,
    List<FollowUp> followUps,
    String cancelReason,
    List<Step> history) {
  public PlanView {
    participants = List.copyOf(participants);
    area = List.copyOf(area);
    approvals = List.copyOf(approvals);
    awaiting = List.copyOf(awaiting);
    results = List.copyOf(results);
    briefings = List.copyOf(briefings);
    followUps = List.copyOf(followUps);
    history = List.copyOf(history);
  }

  /** A chief's signature on one version; {@code current} when it is the plan's current version. */
  public record Approval(
      BureauId bureau, String officer, Instant at, int version, boolean current, String hash) {}

  public record BureauResult(BureauId bureau, String officer, Instant at, PlanResult result) {}

  /** A daily briefing; {@code text} null where sealed from this bureau. */
  public record Briefing(BureauId bureau, String officer, Instant at, String text) {}

  /** A follow-up check (查一补三); {@code id} is the hash of the step that set it. */
  public record FollowUp(
      String id,
      BureauId bureau,
      String officer,
      String text,
      Instant due,
      boolean done,
      Instant doneAt) {}

  /** One signed step: who did what, when, and the proof. */
  public record Step(
      PlanEvent event,
      BureauId bureau,
      String officer,
      Instant at,
      int version,
      String keyId,
      String hash) {}
}
