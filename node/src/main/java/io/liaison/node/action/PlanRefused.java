package io.liaison.node.action;

/** A step the plan's lifecycle or its participants do not allow; {@link #kind} says why. */
public final class PlanRefused extends RuntimeException {
  /** Why a step is refused. */
  public enum Kind {
    /** The table does not allow the event in the current state. */
    NOT_ALLOWED,
    /** The acting bureau may not do this (not the lead bureau, not a participant). */
    NOT_PERMITTED,
    /** The step names a plan version that is no longer current. */
    STALE_VERSION,
    /** The bureau already signed the current version. */
    DUPLICATE,
    /** The envelope does not read as a step of this plan. */
    MALFORMED
  }

  private final Kind kind;

  public PlanRefused(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
