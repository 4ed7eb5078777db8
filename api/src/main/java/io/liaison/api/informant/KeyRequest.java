package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * The body of {@code PUT /api/v1/informants/keys/me}: the signed-in officer's new opening
 * passphrase (10 to 200 characters). When the officer has no key yet, a key is made and kept under
 * it. When they have one, either {@code currentPassphrase} is given — the same key is kept under
 * the new passphrase and everything sealed to it stays readable — or {@code forgotten} is true: a
 * new key is made (the old one stays kept, wrapped under the forgotten passphrase) and what was
 * sealed to the old key must be re-sealed by another officer who can open it.
 */
public record KeyRequest(String passphrase, String currentPassphrase, Boolean forgotten) {
  public KeyRequest {
    forgotten = Boolean.TRUE.equals(forgotten);
    FieldException.required(passphrase, "passphrase");
    if (passphrase.length() < 10 || passphrase.length() > 200) {
      throw new FieldException("passphrase", "must be 10 to 200 characters");
    }
    if (currentPassphrase != null) {
      FieldException.text(currentPassphrase, "currentPassphrase", 200);
      if (forgotten) {
        throw new FieldException(
            "forgotten", "give the current passphrase or say it is forgotten, not both");
      }
    }
  }

  /** A first key (or, for an officer who has one, a refusal naming {@code currentPassphrase}). */
  public KeyRequest(String passphrase) {
    this(passphrase, null, false);
  }

  @Override
  public String toString() {
    return "KeyRequest[passphrase=***, currentPassphrase="
        + (currentPassphrase == null ? "none" : "***")
        + ", forgotten="
        + forgotten
        + "]";
  }
}
