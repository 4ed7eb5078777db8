package io.liaison.node.store;

/**
 * Facts derived from a record that the store keeps in columns so that inbox queries are indexed:
 * state, owning bureau, pending hand-over target, target bureaus ({@code ,a,b,} or null for all),
 * and times in epoch millis. All nullable.
 */
public record RecordFacts(
    String state,
    String owner,
    String handoverTo,
    String targets,
    Long claimedAt,
    Long feedbackAt,
    Long expiresAt) {
  public static final RecordFacts NONE = new RecordFacts(null, null, null, null, null, null, null);
}
