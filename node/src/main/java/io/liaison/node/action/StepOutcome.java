package io.liaison.node.action;

import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.OwnerAnswer;

/**
 * What the partition owner answers for a plan step ({@link StepProcessor}), sent back as {@code
 * IdentifiedDataSerializable} under {@link GridConfig#FACTORY_ID} (the node registers the factory
 * where it is wired), as {@code lead.TransitionOutcome} is for lead transitions.
 */
public final class StepOutcome extends OwnerAnswer<StepOutcome.Result, StepOutcome> {
  public static final int CLASS_ID = 11;

  /** How the owner decided. */
  public enum Result {
    /** Appended (or appended already by the same step): {@code value} is the new plan. */
    OK,
    /** Signed against an older head: sign again on {@code value}. */
    STALE,
    /**
     * The plan refuses it on {@code value} ({@code kind}: a {@link PlanRefused} kind, or MALFORMED
     * without a value).
     */
    REFUSED,
    /** The grid holds no plan under the key. */
    NOT_FOUND
  }

  /** Empty: for the grid's factory, or to fill with {@code answer} or {@code refused}. */
  public StepOutcome() {
    super(CLASS_ID, Result.class);
  }
}
