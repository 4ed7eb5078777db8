package io.liaison.node.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A shared record as the store keeps it: {@code body} is exactly the grid value (a JSON array of
 * signed envelopes) and {@code hash} its SHA-256, the anti-entropy digest.
 */
public record StoredRecord(
    String id,
    String kind,
    String origin,
    Instant postedAt,
    String hash,
    String body,
    RecordFacts facts) {
  public StoredRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(body, "body");
    facts = facts == null ? RecordFacts.NONE : facts;
  }
}
