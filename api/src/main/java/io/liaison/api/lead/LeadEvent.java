package io.liaison.api.lead;

/** What can happen to a lead; each is a signed transition by one bureau. */
public enum LeadEvent {
  /** A target bureau takes the lead (exactly one wins). */
  CLAIM,
  /** The owner gives the lead back to the pool. */
  RELEASE,
  /** The owner starts investigating. */
  INVESTIGATE,
  /** The owner offers the lead to another bureau (线索移交); needs {@code to}. */
  OFFER_HANDOVER,
  /** The offered bureau accepts and becomes the owner. */
  ACCEPT_HANDOVER,
  /** The offered bureau declines; the owner keeps the lead. */
  DECLINE_HANDOVER,
  /** The owner reports back to the origin bureau (反馈); needs {@code feedback}. */
  FEEDBACK,
  /** The owner closes the lead with an outcome; feedback must have been given. */
  CLOSE,
  /** The origin bureau withdraws a lead nobody has claimed. */
  WITHDRAW,
  /** An unclaimed lead passes its expiry (run by one node of the cluster). */
  EXPIRE,
  /**
   * The owner (主办) invites other bureaus to co-handle (协办); needs {@code cohandlers}, the {@code
   * note} is the task asked of them. A {@code CLAIM} may carry invitations as well.
   */
  INVITE_COHANDLER,
  /** An invited bureau accepts co-handling (exactly once; not after the lead is closed). */
  ACCEPT_COHANDLING,
  /** An invited bureau declines co-handling; the {@code note} says why. */
  DECLINE_COHANDLING
}
