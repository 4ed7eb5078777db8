package io.liaison.node.http;

/**
 * What the HTTP edge knows of sign-in sessions without depending on the access package: the
 * routing-context key holding the signed-in officer's id, and the local event-bus address on which
 * the id of an officer whose sessions all ended (disabled, password reset) is published, so that
 * long-lived answers such as the event stream end at once instead of at the next reconnect.
 */
public final class Sessions {
  /** Routing-context key: the id of the officer the request is signed in as (a String). */
  public static final String OFFICER = "liaison.officer";

  /** Local event-bus address: an officer id whose every session has just ended. */
  public static final String ENDED = "liaison.sessions.ended";

  private Sessions() {}
}
