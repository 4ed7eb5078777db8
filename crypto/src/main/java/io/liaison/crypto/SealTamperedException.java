package io.liaison.crypto;

/** The ciphertext, a wrapped key or the associated data was altered (authentication failed). */
public final class SealTamperedException extends SealingException {
  private static final long serialVersionUID = 1L;

  public SealTamperedException(String message) {
    super(message);
  }
}
