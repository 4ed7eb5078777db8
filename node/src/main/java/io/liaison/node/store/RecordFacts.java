package io.liaison.node.store;

/**
 * Facts derived from a record that the store keeps in columns so that inbox queries are indexed:
 * state, owning bureau, pending hand-over target, target bureaus ({@code ,a,b,} or null for all),
 * and times in epoch millis; {@code settledAt}: since when the record needs no cluster-wide
 * decision (a shared case's, a final lead's last signed write), null if it never leaves the grid
 * (docs/architecture.md, "Retention on the grid"). All nullable.
 */
public record RecordFacts(
    String state,
    String owner,
    String handoverTo,
    String targets,
    Long claimedAt,
    Long feedbackAt,
    Long expiresAt,
    Long settledAt) {
  public static final RecordFacts NONE =
      new RecordFacts(null, null, null, null, null, null, null, null);

  /** Facts of a record that never leaves the grid. */
  public RecordFacts(
      String state,
      String owner,
      String handoverTo,
      String targets,
      Long claimedAt,
      Long feedbackAt,
      Long expiresAt) {
    this(state, owner, handoverTo, targets, claimedAt, feedbackAt, expiresAt, null);
  }

  /** Facts of a record that needs no cluster-wide decision since {@code settledAt} (epoch ms). */
  public static RecordFacts settled(long settledAt) {
    return new RecordFacts(null, null, null, null, null, null, null, settledAt);
  }
}
