package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * An officer's public sealing key (X25519, base64url), as their bureau signed and shared it: whom a
 * poster can choose to open an informant's identity.
 */
public record OfficerKey(String officer, String name, String keyId, String publicKey) {
  public OfficerKey {
    officer = FieldException.text(officer, "officer", 32);
    name = FieldException.text(name, "name", 64);
    keyId = FieldException.text(keyId, "keyId", 64);
    publicKey = FieldException.text(publicKey, "publicKey", 64);
  }
}
