package io.liaison.search.link;

import java.util.List;
import java.util.Objects;

/**
 * Two records and why they belong together.
 *
 * @param a the record id that sorts first
 * @param b the other record id
 * @param score calibrated probability that both belong to one network, 0..1
 * @param evidence every piece of evidence, counted or not, strongest first
 */
public record Link(String a, String b, double score, List<Evidence> evidence) {
  public Link {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.compareTo(b) >= 0) {
      throw new IllegalArgumentException("a link joins two records, a before b: " + a + ", " + b);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within 0..1");
    }
    evidence = List.copyOf(evidence);
  }

  /** The record at the other end from {@code id}. */
  public String other(String id) {
    return id.equals(a) ? b : a;
  }
}
