package io.liaison.crypto;

/** The passphrase does not open the key file (or the file was altered: the two look the same). */
public final class WrongPassphraseException extends KeyFileException {
  private static final long serialVersionUID = 1L;

  public WrongPassphraseException(String message) {
    super(message);
  }
}
