package io.liaison.api.informant;

import io.liaison.api.FieldException;

/** The body of {@code POST /api/v1/informants/reports/{lead}/reward}: the reward's new status. */
public record RewardRequest(String officer, RewardStatus status, String note) {
  public RewardRequest {
    officer = FieldException.text(officer, "officer", 64);
    FieldException.required(status, "status");
    note = FieldException.optionalText(note, "note", 500);
  }
}
