package io.liaison.api.action;

import io.liaison.api.FieldException;

/** The body of a clone: the officer who writes the new draft. */
public record CloneRequest(String officer) {
  public CloneRequest {
    officer = FieldException.text(officer, "officer", 32);
  }
}
