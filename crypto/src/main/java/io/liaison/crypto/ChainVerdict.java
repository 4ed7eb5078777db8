package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.util.Objects;

/**
 * The verdict on one bureau's audit chain. {@code position} is the 0-based index (in the order
 * given) of the first problem, -1 when there is none. {@code headSeq} and {@code headHash} describe
 * the last entry of the longest intact prefix ({@code 0} and {@link Hashes#GENESIS} when there is
 * none): compare them with the head another bureau has seen to detect a truncated tail.
 */
public record ChainVerdict(
    BureauId bureau,
    Status status,
    int entries,
    int position,
    long headSeq,
    String headHash,
    String detail) {

  /** What was found first. */
  public enum Status {
    /** Every entry links to its predecessor, seq increases by one, all signatures verify. */
    INTACT,
    /** No entries for this bureau. */
    EMPTY,
    /** One or more sequence numbers are missing (an entry was deleted). */
    GAP,
    /** The entries are out of order, or a sequence number repeats. */
    REORDERED,
    /**
     * An entry was altered: its signature does not verify, or it is not the entry its successor was
     * chained to.
     */
    EDITED,
    /** An entry is signed by another bureau. */
    FOREIGN_SIGNER,
    /** An entry's signature is refused for a roster reason (unknown or revoked key, …). */
    UNTRUSTED_KEY,
    /** An entry's payload has no usable {@code seq}. */
    NO_SEQ
  }

  public ChainVerdict {
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(headHash, "headHash");
    detail = detail == null ? "" : detail;
  }

  /** True for {@link Status#INTACT} and {@link Status#EMPTY}. */
  public boolean intact() {
    return status == Status.INTACT || status == Status.EMPTY;
  }

  /** One line for people, e.g. {@code 150924 INTACT 1200 entries, head seq 1200 (3f2a…)}. */
  public String describe() {
    String head = "head seq " + headSeq + " (" + headHash.substring(0, 12) + "…)";
    if (intact()) {
      return bureau + " " + status + " " + entries + " entries, " + head;
    }
    return bureau
        + " "
        + status
        + " at position "
        + position
        + " of "
        + entries
        + ": "
        + detail
        + "; intact up to "
        + head;
  }
}
