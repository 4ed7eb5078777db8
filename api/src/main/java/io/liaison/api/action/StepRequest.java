package io.liaison.api.action;

import io.liaison.api.FieldException;
import java.time.Instant;

/**
 * The body of a lifecycle step ({@code POST /api/v1/actions/{id}/steps}).
 *
 * @param version the plan version the officer saw: an approval signs exactly this version, and any
 *     step is refused (409) when the plan has moved on
 * @param text a briefing, a follow-up task or a cancellation reason
 * @param result {@code REPORT_RESULT}: this bureau's results
 * @param summary {@code SUMMARIZE}: the summary
 * @param due {@code FOLLOW_UP}: when the re-check is due (default: a week after completion)
 * @param followUp {@code FOLLOW_UP_DONE}: the follow-up's id (the hash of its step)
 */
public record StepRequest(
    PlanEvent event,
    String officer,
    Integer version,
    String text,
    PlanResult result,
    PlanSummary summary,
    Instant due,
    String followUp) {
  public StepRequest {
    FieldException.required(event, "event");
    officer = FieldException.text(officer, "officer", 32);
    text = FieldException.optionalText(text, "text", 4000);
    if (event == PlanEvent.CREATE || event == PlanEvent.REVISE) {
      throw new FieldException("event", "a new version is written with PUT, not as a step");
    }
    if (event == PlanEvent.REPORT_RESULT) {
      FieldException.required(result, "result");
    }
    if (event == PlanEvent.SUMMARIZE) {
      FieldException.required(summary, "summary");
    }
    if ((event == PlanEvent.CANCEL || event == PlanEvent.BRIEF || event == PlanEvent.FOLLOW_UP)
        && text == null) {
      throw new FieldException("text", "is required for " + event);
    }
    if (event == PlanEvent.FOLLOW_UP_DONE) {
      FieldException.text(followUp, "followUp", 64);
    }
  }
}
