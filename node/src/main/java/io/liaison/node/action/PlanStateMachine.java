package io.liaison.node.action;

import static io.liaison.api.action.PlanEvent.ACTIVATE;
import static io.liaison.api.action.PlanEvent.APPROVE;
import static io.liaison.api.action.PlanEvent.BRIEF;
import static io.liaison.api.action.PlanEvent.CANCEL;
import static io.liaison.api.action.PlanEvent.COMPLETE;
import static io.liaison.api.action.PlanEvent.FOLLOW_UP;
import static io.liaison.api.action.PlanEvent.FOLLOW_UP_DONE;
import static io.liaison.api.action.PlanEvent.PROPOSE;
import static io.liaison.api.action.PlanEvent.REPORT_RESULT;
import static io.liaison.api.action.PlanEvent.REVISE;
import static io.liaison.api.action.PlanEvent.SUMMARIZE;
import static io.liaison.api.action.PlanState.ACTIVE;
import static io.liaison.api.action.PlanState.APPROVED;
import static io.liaison.api.action.PlanState.CANCELLED;
import static io.liaison.api.action.PlanState.COMPLETED;
import static io.liaison.api.action.PlanState.DRAFT;
import static io.liaison.api.action.PlanState.PROPOSED;
import static io.liaison.api.action.PlanState.SUMMARIZED;

import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plan lifecycle as one table: {@code from × event → to}. Anything not in the table is refused.
 * One rule sits beside the table: an {@code APPROVE} that completes the set of current-version
 * signatures of every participating chief moves {@code PROPOSED} on to {@code APPROVED} ({@link
 * #APPROVE_LAST}); any other approval leaves the plan {@code PROPOSED}. A {@code REVISE} of a
 * proposed or approved plan makes a new version, which is {@code PROPOSED} again with no approvals.
 * Who may fire an event is checked by {@link PlanRecord}.
 */
public final class PlanStateMachine {
  private static final Map<PlanState, Map<PlanEvent, PlanState>> TABLE =
      new EnumMap<>(PlanState.class);

  /** Where the approval that completes the set leads. */
  public static final PlanState APPROVE_LAST = APPROVED;

  static {
    row(DRAFT, REVISE, DRAFT);
    row(DRAFT, PROPOSE, PROPOSED);
    row(DRAFT, CANCEL, CANCELLED);

    row(PROPOSED, REVISE, PROPOSED);
    row(PROPOSED, APPROVE, PROPOSED);
    row(PROPOSED, CANCEL, CANCELLED);

    row(APPROVED, REVISE, PROPOSED);
    row(APPROVED, ACTIVATE, ACTIVE);
    row(APPROVED, CANCEL, CANCELLED);

    row(ACTIVE, BRIEF, ACTIVE);
    row(ACTIVE, REPORT_RESULT, ACTIVE);
    row(ACTIVE, FOLLOW_UP, ACTIVE);
    row(ACTIVE, FOLLOW_UP_DONE, ACTIVE);
    row(ACTIVE, COMPLETE, COMPLETED);
    row(ACTIVE, CANCEL, CANCELLED);

    row(COMPLETED, REPORT_RESULT, COMPLETED);
    row(COMPLETED, FOLLOW_UP, COMPLETED);
    row(COMPLETED, FOLLOW_UP_DONE, COMPLETED);
    row(COMPLETED, SUMMARIZE, SUMMARIZED);

    row(SUMMARIZED, FOLLOW_UP, SUMMARIZED);
    row(SUMMARIZED, FOLLOW_UP_DONE, SUMMARIZED);
  }

  private PlanStateMachine() {}

  private static void row(PlanState from, PlanEvent event, PlanState to) {
    TABLE.computeIfAbsent(from, f -> new EnumMap<>(PlanEvent.class)).put(event, to);
  }

  /** The state after {@code event} in {@code from}, or empty when the table does not allow it. */
  public static Optional<PlanState> next(PlanState from, PlanEvent event) {
    return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
  }
}
