package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * The body of {@code POST /api/v1/informants/reports/{lead}/open}: who opens, and their passphrase.
 */
public record OpenRequest(String officer, String passphrase) {
  public OpenRequest {
    officer = FieldException.text(officer, "officer", 64);
    FieldException.required(passphrase, "passphrase");
  }

  @Override
  public String toString() {
    return "OpenRequest[officer=" + officer + ", passphrase=***]";
  }
}
