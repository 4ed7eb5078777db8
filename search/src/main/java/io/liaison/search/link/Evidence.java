package io.liaison.search.link;

import io.liaison.api.cases.EntityType;
import java.util.Objects;

/**
 * One reason two records are linked, as the officers see it.
 *
 * @param kind how they match
 * @param type the entity type matched (PHONE, PERSON…); null for narrative similarity
 * @param left the value as written in the first record of the link (for text: the similarity)
 * @param right the value as written in the second record
 * @param value the normalised value (for a one-off match, the first record's)
 * @param records how many records hold the value (the larger count of the two sides)
 * @param frequency the frequency band of the value; over-common evidence is shown but not counted
 * @param weight what the evidence added to the log-odds of the link (0 when not counted)
 */
public record Evidence(
    EvidenceKind kind,
    EntityType type,
    String left,
    String right,
    String value,
    int records,
    Frequency frequency,
    double weight) {
  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(frequency, "frequency");
    if (records < 0 || weight < 0) {
      throw new IllegalArgumentException("records and weight must not be negative");
    }
  }

  /** Whether the evidence added to the score. */
  public boolean counted() {
    return weight > 0;
  }
}
