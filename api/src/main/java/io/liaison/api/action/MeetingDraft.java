package io.liaison.api.action;

import io.liaison.api.FieldException;

/** The body of a meeting record ({@code POST /api/v1/meetings}). */
public record MeetingDraft(String officer, Meeting meeting) {
  public MeetingDraft {
    officer = FieldException.text(officer, "officer", 32);
    FieldException.required(meeting, "meeting");
  }
}
