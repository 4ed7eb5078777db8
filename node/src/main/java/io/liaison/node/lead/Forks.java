package io.liaison.node.lead;

import io.liaison.crypto.SignedEnvelope;
import java.util.Comparator;

/**
 * Deterministic resolution of two different continuations of one lead (after a network split both
 * sides may have acted). Every node computes the same winner from the same two histories: the
 * branch whose first divergent envelope was signed earliest, then the lower signer bureau code,
 * then the lower envelope hash. The loser's envelopes are kept as superseded, never erased.
 */
public final class Forks {
  private static final Comparator<SignedEnvelope> ORDER =
      Comparator.comparing(SignedEnvelope::signedAt)
          .thenComparing(e -> e.signer().code())
          .thenComparing(SignedEnvelope::hash);

  private Forks() {}

  /** Whether {@code a} wins over {@code b} as the first divergent envelopes of two branches. */
  public static boolean beats(SignedEnvelope a, SignedEnvelope b) {
    return ORDER.compare(a, b) < 0;
  }

  /** The index of the first envelope where the two records differ. */
  public static int divergence(LeadRecord a, LeadRecord b) {
    int n = Math.min(a.envelopes().size(), b.envelopes().size());
    for (int i = 0; i < n; i++) {
      if (!a.envelopes().get(i).signature().equals(b.envelopes().get(i).signature())) {
        return i;
      }
    }
    return n;
  }

  /**
   * The record that wins; {@code a} and {@code b} must diverge (neither is a prefix of the other).
   */
  public static LeadRecord winner(LeadRecord a, LeadRecord b) {
    int d = divergence(a, b);
    if (d >= a.envelopes().size() || d >= b.envelopes().size()) {
      throw new IllegalArgumentException("one record continues the other; there is no fork");
    }
    return ORDER.compare(a.envelopes().get(d), b.envelopes().get(d)) <= 0 ? a : b;
  }
}
