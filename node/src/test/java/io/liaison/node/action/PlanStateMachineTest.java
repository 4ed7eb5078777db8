package io.liaison.node.action;

import static io.liaison.api.action.PlanEvent.*;
import static io.liaison.api.action.PlanState.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every state × event pair against the lifecycle the bureaus' documents describe. */
class PlanStateMachineTest {
  static final Map<PlanState, Map<PlanEvent, PlanState>> EXPECTED = new EnumMap<>(PlanState.class);

  static void allow(PlanState from, PlanEvent e, PlanState to) {
    EXPECTED.computeIfAbsent(from, f -> new EnumMap<>(PlanEvent.class)).put(e, to);
  }

  static {
    allow(DRAFT, REVISE, DRAFT);
    allow(DRAFT, PROPOSE, PROPOSED);
    allow(DRAFT, CANCEL, CANCELLED);
    allow(PROPOSED, REVISE, PROPOSED);
    allow(PROPOSED, APPROVE, PROPOSED);
    allow(PROPOSED, CANCEL, CANCELLED);
    allow(APPROVED, REVISE, PROPOSED);
    allow(APPROVED, ACTIVATE, ACTIVE);
    allow(APPROVED, CANCEL, CANCELLED);
    allow(ACTIVE, BRIEF, ACTIVE);
    allow(ACTIVE, REPORT_RESULT, ACTIVE);
    allow(ACTIVE, FOLLOW_UP, ACTIVE);
    allow(ACTIVE, FOLLOW_UP_DONE, ACTIVE);
    allow(ACTIVE, COMPLETE, COMPLETED);
    allow(ACTIVE, CANCEL, CANCELLED);
    allow(COMPLETED, REPORT_RESULT, COMPLETED);
    allow(COMPLETED, FOLLOW_UP, COMPLETED);
    allow(COMPLETED, FOLLOW_UP_DONE, COMPLETED);
    allow(COMPLETED, SUMMARIZE, SUMMARIZED);
    allow(SUMMARIZED, FOLLOW_UP, SUMMARIZED);
    allow(SUMMARIZED, FOLLOW_UP_DONE, SUMMARIZED);
  }

  @Test
  void everyStateTimesEveryEventIsAsSpecified() {
    int allowed = 0;
    for (PlanState s : PlanState.values()) {
      for (PlanEvent e : PlanEvent.values()) {
        Optional<PlanState> want = Optional.ofNullable(EXPECTED.getOrDefault(s, Map.of()).get(e));
        assertThat(PlanStateMachine.next(s, e)).as(s + " × " + e).isEqualTo(want);
        allowed += want.isPresent() ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(21);
  }

  @Test
  void nothingLeavesACancelledPlanAndNothingCreatesOneTwice() {
    for (PlanEvent e : PlanEvent.values()) {
      assertThat(PlanStateMachine.next(CANCELLED, e)).isEmpty();
    }
    for (PlanState s : PlanState.values()) {
      assertThat(PlanStateMachine.next(s, CREATE)).isEmpty();
    }
  }

  @Test
  void onlyProposedApprovedAndActivePlansHoldTheirTargets() {
    for (PlanState s : PlanState.values()) {
      assertThat(s.holds()).as(s.name()).isEqualTo(s == PROPOSED || s == APPROVED || s == ACTIVE);
    }
  }
}
