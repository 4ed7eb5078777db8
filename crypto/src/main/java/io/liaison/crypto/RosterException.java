package io.liaison.crypto;

/** A roster that must not be trusted: forged, signed by another authority, or not newer. */
public final class RosterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RosterException(String message) {
    super(message);
  }

  public RosterException(String message, Throwable cause) {
    super(message, cause);
  }
}
