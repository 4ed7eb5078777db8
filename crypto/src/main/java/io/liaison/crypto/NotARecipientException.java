package io.liaison.crypto;

/**
 * This bureau (or this bureau's current sealing key) is not among the recipients. Expected on every
 * non-recipient node: store and relay the ciphertext, do not index it.
 */
public final class NotARecipientException extends SealingException {
  private static final long serialVersionUID = 1L;

  public NotARecipientException(String message) {
    super(message);
  }
}
