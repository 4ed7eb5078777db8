package io.liaison.api.report;

import io.liaison.api.FieldException;

/** {@code POST /api/v1/reports/{bureau}/{period}/acks}: acknowledge a neighbour's report. */
public record AckRequest(String officer, String note) {
  public AckRequest {
    officer = FieldException.text(officer, "officer", 64);
    note = FieldException.optionalText(note, "note", 2_000);
  }
}
