package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * The body of {@code POST /api/v1/informants/reports/{lead}/reseal}: a chosen officer ({@code
 * officer}, signed in on their own node, with their passphrase) who can open the identity seals it
 * again to {@code opener}'s current key — an officer the poster chose whose key was re-made after a
 * forgotten passphrase.
 */
public record ResealRequest(String officer, String passphrase, String opener) {
  public ResealRequest {
    officer = FieldException.text(officer, "officer", 64);
    FieldException.text(passphrase, "passphrase", 200); // checked, kept as typed
    opener = FieldException.text(opener, "opener", 64);
  }

  @Override
  public String toString() {
    return "ResealRequest[officer=" + officer + ", passphrase=***, opener=" + opener + "]";
  }
}
