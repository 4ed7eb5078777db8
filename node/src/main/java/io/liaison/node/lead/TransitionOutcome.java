package io.liaison.node.lead;

import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.OwnerAnswer;

/**
 * What the partition owner answers for a transition ({@link TransitionProcessor}), sent back as
 * {@code IdentifiedDataSerializable} under {@link GridConfig#FACTORY_ID} (the node registers the
 * factory where it is wired). Every {@link #value} is a verified lead record, except that of {@link
 * Result#UNVERIFIED} (the grid's value as found, for the requester's compare-and-set repair only).
 */
public final class TransitionOutcome
    extends OwnerAnswer<TransitionOutcome.Result, TransitionOutcome> {
  public static final int CLASS_ID = 4;

  /** How the owner decided. */
  public enum Result {
    /** Appended (or appended already by the same transition): {@code value} is the new record. */
    OK,
    /** Signed against an older head the lifecycle would allow: sign again on {@code value}. */
    STALE,
    /**
     * The lifecycle refuses it on {@code value} ({@code kind}, {@code message}); without a value,
     * the transition itself was refused (malformed, or not trusted by the owner's roster).
     */
    REFUSED,
    /** The grid holds no value under the lead's key. */
    NOT_FOUND,
    /** Signed against a head that is not on {@code value}'s chain: the requester knows more. */
    BEHIND,
    /** The grid's value does not verify and the owner remembers none: repair, then ask again. */
    UNVERIFIED
  }

  /** Empty: for the grid's factory, or to fill with {@code answer} or {@code refused}. */
  public TransitionOutcome() {
    super(CLASS_ID, Result.class);
  }
}
