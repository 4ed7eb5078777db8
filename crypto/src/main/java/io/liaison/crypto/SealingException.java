package io.liaison.crypto;

/** Sealed content that cannot be opened. */
public class SealingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SealingException(String message) {
    super(message);
  }
}
