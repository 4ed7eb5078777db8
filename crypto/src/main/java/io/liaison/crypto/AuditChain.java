package io.liaison.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.crypto.ChainVerdict.Status;
import io.liaison.crypto.Verification.Invalid;
import io.liaison.crypto.Verification.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Verifies a bureau's hash-chained audit log.
 *
 * <p><b>The chain, as the node must write it:</b> every envelope a bureau signs is an entry of that
 * bureau's one chain. Entry {@code n} (0-based) has {@code prevHash} = {@link
 * SignedEnvelope#hash()} of entry {@code n-1}, the first entry has {@link Hashes#GENESIS}. Every
 * chained payload carries a top-level integer field {@value #SEQ_FIELD}: {@value #FIRST_SEQ} for
 * the first entry, then +1 per entry, no gaps. Entries are stored and exported in chain order.
 *
 * <p>The verdict names the first problem and its position: a missing {@code seq} (GAP), entries out
 * of order or repeated (REORDERED), an entry that does not verify or is not the one its successor
 * was chained to (EDITED), an entry of another signer (FOREIGN_SIGNER). A truncated tail cannot be
 * seen from the chain alone: compare {@link ChainVerdict#headSeq()} with the head other bureaus
 * have seen.
 */
public final class AuditChain {
  /** The payload field holding the sequence number. */
  public static final String SEQ_FIELD = "seq";

  /** The {@code seq} of a chain's first entry. */
  public static final long FIRST_SEQ = 1;

  private AuditChain() {}

  public static ChainVerdict verify(
      BureauId bureau, List<SignedEnvelope> entriesInOrder, EnvelopeVerifier verifier) {
    Walk walk = new Walk(bureau, verifier);
    for (int i = 0; i < entriesInOrder.size(); i++) {
      int at = i;
      // a seq ahead of the one expected: reordered if the expected one comes later, else a gap
      walk.take(entriesInOrder.get(i), expected -> seqLater(entriesInOrder, at, expected));
    }
    return walk.end();
  }

  /**
   * Verifies a chain entry by entry, for a chain too long to hold at once: {@link #take} each entry
   * in ascending {@code seq} order (as a store or an export gives them), then {@link #end}; its
   * {@code entries} is the count of all entries taken (after the first problem they are only
   * counted). {@link #verify} is this walk over a list, which can also look ahead.
   */
  public static final class Walk {
    private final BureauId bureau;
    private final EnvelopeVerifier verifier;
    private String expectedPrev = Hashes.GENESIS;
    private String previousPrev = Hashes.GENESIS; // the prevHash of the entry before this one
    private long expectedSeq = FIRST_SEQ;
    private long headSeq;
    private int n;
    private ChainVerdict problem;

    public Walk(BureauId bureau, EnvelopeVerifier verifier) {
      this.bureau = bureau;
      this.verifier = verifier;
    }

    /** Takes the next entry (ascending {@code seq}). */
    public void take(SignedEnvelope entry) {
      take(entry, expected -> false);
    }

    /**
     * Takes the next entry; {@code comesLater} tells whether a seq this entry skipped over is among
     * those still to come (then the entries are out of order rather than missing one).
     */
    private void take(SignedEnvelope entry, LongPredicate comesLater) {
      int i = n++;
      if (problem != null) {
        return;
      }
      Problem p = check(bureau, entry, verifier);
      if (p != null) {
        problem = new ChainVerdict(bureau, p.status, 0, i, headSeq, expectedPrev, p.detail);
        return;
      }
      long seq = seq(entry.payload());
      if (seq > expectedSeq) {
        problem =
            comesLater.test(expectedSeq)
                ? new ChainVerdict(
                    bureau,
                    Status.REORDERED,
                    0,
                    i,
                    headSeq,
                    expectedPrev,
                    "seq "
                        + seq
                        + " where "
                        + expectedSeq
                        + " was expected; "
                        + expectedSeq
                        + " comes later")
                : new ChainVerdict(
                    bureau, Status.GAP, 0, i, headSeq, expectedPrev, missing(expectedSeq, seq));
        return;
      }
      if (seq < expectedSeq) {
        problem =
            new ChainVerdict(
                bureau,
                Status.REORDERED,
                0,
                i,
                headSeq,
                expectedPrev,
                "seq " + seq + " after seq " + (expectedSeq - 1));
        return;
      }
      if (!entry.prevHash().equals(expectedPrev)) {
        problem =
            new ChainVerdict(
                bureau,
                Status.EDITED,
                0,
                Math.max(i - 1, 0),
                i == 0 ? 0 : headSeq - 1,
                i == 0 ? Hashes.GENESIS : previousPrev,
                i == 0
                    ? "first entry does not start from the genesis hash"
                    : "entry seq " + seq + " was chained to a different predecessor");
        return;
      }
      previousPrev = entry.prevHash();
      expectedPrev = entry.hash();
      headSeq = seq;
      expectedSeq = seq + 1;
    }

    /** The verdict over every entry taken. */
    public ChainVerdict end() {
      if (n == 0) {
        return new ChainVerdict(bureau, Status.EMPTY, 0, -1, 0, Hashes.GENESIS, "");
      }
      if (problem == null) {
        return new ChainVerdict(bureau, Status.INTACT, n, -1, headSeq, expectedPrev, "");
      }
      ChainVerdict p = problem;
      return new ChainVerdict(
          bureau, p.status(), n, p.position(), p.headSeq(), p.headHash(), p.detail());
    }
  }

  private record Problem(Status status, String detail) {}

  /** The detail of a GAP: the seqs missing before {@code seq}. */
  private static String missing(long expectedSeq, long seq) {
    return "seq "
        + expectedSeq
        + (seq - 1 > expectedSeq ? ".." + (seq - 1) : "")
        + " missing before seq "
        + seq;
  }

  private static Problem check(BureauId bureau, SignedEnvelope entry, EnvelopeVerifier verifier) {
    if (!entry.signer().equals(bureau)) {
      return new Problem(Status.FOREIGN_SIGNER, "signed by " + entry.signer());
    }
    if (verifier.verify(entry) instanceof Invalid invalid) {
      Status status =
          invalid.reason() == Reason.BAD_SIGNATURE || invalid.reason() == Reason.MALFORMED
              ? Status.EDITED
              : Status.UNTRUSTED_KEY;
      return new Problem(status, invalid.reason() + ": " + invalid.detail());
    }
    if (seq(entry.payload()) < 0) {
      return new Problem(Status.NO_SEQ, "payload has no integer " + SEQ_FIELD + " >= 0");
    }
    return null;
  }

  /** The payload's seq, or -1 if it has none usable. */
  static long seq(JsonNode payload) {
    JsonNode seq = payload.get(SEQ_FIELD);
    if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()) {
      return -1;
    }
    return Math.max(seq.longValue(), -1);
  }

  private static boolean seqLater(List<SignedEnvelope> entries, int from, long seq) {
    Set<Long> later = new HashSet<>();
    for (int j = from + 1; j < entries.size(); j++) {
      later.add(seq(entries.get(j).payload()));
    }
    return later.contains(seq);
  }
}
