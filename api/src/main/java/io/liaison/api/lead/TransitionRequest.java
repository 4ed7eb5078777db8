package io.liaison.api.lead;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.HashSet;
import java.util.List;

/**
 * {@code POST /api/v1/leads/{id}/transitions}: one event on a lead by an officer of this node's
 * bureau. Which optional fields are required depends on the event: {@code to} for OFFER_HANDOVER,
 * {@code feedback} for FEEDBACK, {@code outcome} (and {@code caseNumber} or {@code mergedInto}) for
 * CLOSE, {@code cohandlers} for INVITE_COHANDLER (a CLAIM may name them too: the claiming bureau
 * leads, 主办, and invites them to co-handle, 协办; the {@code note} is the task asked of them).
 */
public record TransitionRequest(
    LeadEvent event,
    String officer,
    String note,
    BureauId to,
    String feedback,
    Outcome outcome,
    String caseNumber,
    String mergedInto,
    List<BureauId> cohandlers) {
  /** The most bureaus one transition invites to co-handle. */
  public static final int MAX_COHANDLERS = 16;

  public TransitionRequest {
    FieldException.required(event, "event");
    officer = FieldException.text(officer, "officer", 64);
    note = FieldException.optionalText(note, "note", 2000);
    feedback = FieldException.optionalText(feedback, "feedback", 10_000);
    caseNumber = FieldException.optionalText(caseNumber, "caseNumber", 64);
    mergedInto = FieldException.optionalText(mergedInto, "mergedInto", 64);
    if (cohandlers != null) {
      if (event != LeadEvent.CLAIM && event != LeadEvent.INVITE_COHANDLER) {
        throw new FieldException("cohandlers", "is only for CLAIM and INVITE_COHANDLER");
      }
      if (cohandlers.size() > MAX_COHANDLERS) {
        throw new FieldException("cohandlers", "names at most " + MAX_COHANDLERS + " bureaus");
      }
      for (int i = 0; i < cohandlers.size(); i++) {
        FieldException.required(cohandlers.get(i), "cohandlers/" + i);
      }
      if (new HashSet<>(cohandlers).size() != cohandlers.size()) {
        throw new FieldException("cohandlers", "names a bureau twice");
      }
      cohandlers = List.copyOf(cohandlers);
    }
    switch (event) {
      case INVITE_COHANDLER -> {
        if (cohandlers == null || cohandlers.isEmpty()) {
          throw new FieldException("cohandlers", "is required");
        }
      }
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

  /** A request without co-handlers (every event but CLAIM and INVITE_COHANDLER). */
  public TransitionRequest(
      LeadEvent event,
      String officer,
      String note,
      BureauId to,
      String feedback,
      Outcome outcome,
      String caseNumber,
      String mergedInto) {
    this(event, officer, note, to, feedback, outcome, caseNumber, mergedInto, null);
  }

  public static TransitionRequest of(LeadEvent event, String officer) {
    return new TransitionRequest(event, officer, null, null, null, null, null, null);
  }

  /** {@code event} (CLAIM or INVITE_COHANDLER) inviting {@code cohandlers} with {@code task}. */
  public static TransitionRequest inviting(
      LeadEvent event, String officer, String task, List<BureauId> cohandlers) {
    return new TransitionRequest(event, officer, task, null, null, null, null, null, cohandlers);
  }
}
