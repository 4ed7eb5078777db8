package io.liaison.node.lead;

/**
 * A transition the lifecycle does not allow. {@link Kind#STATE}: not allowed in the lead's state
 * (HTTP 409); {@link Kind#FORBIDDEN}: not allowed for this bureau (403).
 */
public final class TransitionRefused extends RuntimeException {
  /** Why a transition was refused. */
  public enum Kind {
    STATE,
    FORBIDDEN
  }

  private final Kind kind;

  public TransitionRefused(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
