package io.liaison.crypto;

/**
 * A key file that cannot be used (unreadable, not a key file, wrong kind). Never holds key bytes.
 */
public class KeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
