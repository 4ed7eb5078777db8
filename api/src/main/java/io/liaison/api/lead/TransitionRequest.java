package io.liaison.api.lead;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;

/**
 * {@code POST /api/v1/leads/{id}/transitions}: one event on a lead by an officer of this node's
 * bureau. Which optional fields are required depends on the event: {@code to} for OFFER_HANDOVER,
 * {@code feedback} for FEEDBACK, {@code outcome} (and {@code caseNumber} or {@code mergedInto}) for
 * CLOSE.
 */
public record TransitionRequest(
    LeadEvent event,
    String officer,
    String note,
    BureauId to,
    String feedback,
    Outcome outcome,
    String caseNumber,
    String mergedInto) {
  public TransitionRequest {
    FieldException.required(event, "event");
    officer = FieldException.text(officer, "officer", 64);
    note = FieldException.optionalText(note, "note", 2000);
    feedback = FieldException.optionalText(feedback, "feedback", 10_000);
    caseNumber = FieldException.optionalText(caseNumber, "caseNumber", 64);
    mergedInto = FieldException.optionalText(mergedInto, "mergedInto", 64);
    switch (event) {
      case OFFER_HANDOVER -> FieldException.required(to, "to");
      case FEEDBACK -> FieldException.required(feedback, "feedback");
      case CLOSE -> {
        FieldException.required(outcome, "outcome");
        if (outcome == Outcome.CASE_OPENED && caseNumber == null) {
          throw new FieldException("caseNumber", "is required when the outcome is CASE_OPENED");
        }
        if (outcome == Outcome.MERGED && mergedInto == null) {
          throw new FieldException("mergedInto", "is required when the outcome is MERGED");
        }
      }
      default -> {
        // no extra fields
      }
    }
  }

  public static TransitionRequest of(LeadEvent event, String officer) {
    return new TransitionRequest(event, officer, null, null, null, null, null, null);
  }
}
