package io.liaison.api.action;

import io.liaison.api.BureauId;

/**
 * The data of the events {@code action.<step>} (e.g. {@code action.approve}) on the nodes of a
 * plan's participants: which plan, the step as the signed envelope names it (a {@link PlanEvent}
 * name, kept as text so a newer node's steps still show), the bureau and officer that took it, and
 * the plan's state and version after it.
 */
public record PlanStepEvent(
    String planId, String event, BureauId bureau, String officer, PlanState state, int version) {}
