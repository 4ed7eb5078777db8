package io.liaison.node.lead;

import static io.liaison.api.lead.LeadEvent.*;
import static io.liaison.api.lead.LeadState.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state × every event of the lead state machine, against the table written out by hand. */
class LeadStateMachineTest {
  static final Map<LeadState, Map<LeadEvent, LeadState>> EXPECTED = new EnumMap<>(LeadState.class);

  static {
    EXPECTED.put(POSTED, Map.of(CLAIM, CLAIMED, WITHDRAW, WITHDRAWN, EXPIRE, EXPIRED));
    EXPECTED.put(
        CLAIMED,
        Map.of(
            RELEASE,
            POSTED,
            INVESTIGATE,
            INVESTIGATING,
            OFFER_HANDOVER,
            HANDOVER_OFFERED,
            FEEDBACK,
            CLAIMED,
            INVITE_COHANDLER,
            CLAIMED,
            ACCEPT_COHANDLING,
            CLAIMED,
            DECLINE_COHANDLING,
            CLAIMED));
    EXPECTED.put(
        INVESTIGATING,
        Map.of(
            RELEASE,
            POSTED,
            OFFER_HANDOVER,
            HANDOVER_OFFERED,
            FEEDBACK,
            INVESTIGATING,
            CLOSE,
            CLOSED,
            INVITE_COHANDLER,
            INVESTIGATING,
            ACCEPT_COHANDLING,
            INVESTIGATING,
            DECLINE_COHANDLING,
            INVESTIGATING));
    EXPECTED.put(
        HANDOVER_OFFERED,
        Map.of(
            ACCEPT_HANDOVER,
            CLAIMED,
            DECLINE_HANDOVER,
            CLAIMED,
            ACCEPT_COHANDLING,
            HANDOVER_OFFERED,
            DECLINE_COHANDLING,
            HANDOVER_OFFERED));
    EXPECTED.put(CLOSED, Map.of());
    EXPECTED.put(WITHDRAWN, Map.of());
    EXPECTED.put(EXPIRED, Map.of());
  }

  @Test
  void everyStateAndEventFollowsTheTable() {
    int allowed = 0;
    for (LeadState from : LeadState.values()) {
      for (LeadEvent e : LeadEvent.values()) {
        LeadState expected = EXPECTED.get(from).get(e);
        assertThat(LeadStateMachine.next(from, e))
            .as("%s × %s", from, e)
            .isEqualTo(java.util.Optional.ofNullable(expected));
        allowed += expected == null ? 0 : 1;
      }
    }
    assertThat(allowed).isEqualTo(21);
  }

  @Test
  void finalStatesAllowNothing() {
    for (LeadState s : LeadState.values()) {
      if (s.isFinal()) {
        for (LeadEvent e : LeadEvent.values()) {
          assertThat(LeadStateMachine.next(s, e)).as("%s × %s", s, e).isEmpty();
        }
      }
    }
  }
}
