package io.liaison.api.action;

import io.liaison.api.FieldException;

/** The body of a new plan (and of a revision): the officer who writes it and the plan. */
public record PlanDraft(String officer, PlanContent plan) {
  public PlanDraft {
    officer = FieldException.text(officer, "officer", 32);
    FieldException.required(plan, "plan");
  }
}
