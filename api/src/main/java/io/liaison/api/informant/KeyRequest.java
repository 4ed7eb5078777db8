package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * The body of {@code PUT /api/v1/informants/keys/me}: the signed-in officer's opening passphrase
 * (10 to 200 characters), under which their new private key is kept; it is asked again at each
 * opening.
 */
public record KeyRequest(String passphrase) {
  public KeyRequest {
    FieldException.required(passphrase, "passphrase");
    if (passphrase.length() < 10 || passphrase.length() > 200) {
      throw new FieldException("passphrase", "must be 10 to 200 characters");
    }
  }

  @Override
  public String toString() {
    return "KeyRequest[passphrase=***]";
  }
}
