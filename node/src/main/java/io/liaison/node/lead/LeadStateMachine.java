package io.liaison.node.lead;

import static io.liaison.api.lead.LeadEvent.ACCEPT_COHANDLING;
import static io.liaison.api.lead.LeadEvent.ACCEPT_HANDOVER;
import static io.liaison.api.lead.LeadEvent.CLAIM;
import static io.liaison.api.lead.LeadEvent.CLOSE;
import static io.liaison.api.lead.LeadEvent.DECLINE_COHANDLING;
import static io.liaison.api.lead.LeadEvent.DECLINE_HANDOVER;
import static io.liaison.api.lead.LeadEvent.EXPIRE;
import static io.liaison.api.lead.LeadEvent.FEEDBACK;
import static io.liaison.api.lead.LeadEvent.INVESTIGATE;
import static io.liaison.api.lead.LeadEvent.INVITE_COHANDLER;
import static io.liaison.api.lead.LeadEvent.OFFER_HANDOVER;
import static io.liaison.api.lead.LeadEvent.RELEASE;
import static io.liaison.api.lead.LeadEvent.WITHDRAW;
import static io.liaison.api.lead.LeadState.CLAIMED;
import static io.liaison.api.lead.LeadState.CLOSED;
import static io.liaison.api.lead.LeadState.EXPIRED;
import static io.liaison.api.lead.LeadState.HANDOVER_OFFERED;
import static io.liaison.api.lead.LeadState.INVESTIGATING;
import static io.liaison.api.lead.LeadState.POSTED;
import static io.liaison.api.lead.LeadState.WITHDRAWN;

import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lead state machine as one explicit table: {@code from × event → to}. Anything not in the
 * table is refused. Who may fire an event is checked separately ({@link LeadLifecycle}).
 */
public final class LeadStateMachine {
  private static final Map<LeadState, Map<LeadEvent, LeadState>> TABLE =
      new EnumMap<>(LeadState.class);

  static {
    row(POSTED, CLAIM, CLAIMED);
    row(POSTED, WITHDRAW, WITHDRAWN);
    row(POSTED, EXPIRE, EXPIRED);

    row(CLAIMED, RELEASE, POSTED);
    row(CLAIMED, INVESTIGATE, INVESTIGATING);
    row(CLAIMED, OFFER_HANDOVER, HANDOVER_OFFERED);
    row(CLAIMED, FEEDBACK, CLAIMED);
    row(CLAIMED, INVITE_COHANDLER, CLAIMED);
    row(CLAIMED, ACCEPT_COHANDLING, CLAIMED);
    row(CLAIMED, DECLINE_COHANDLING, CLAIMED);

    row(INVESTIGATING, RELEASE, POSTED);
    row(INVESTIGATING, OFFER_HANDOVER, HANDOVER_OFFERED);
    row(INVESTIGATING, FEEDBACK, INVESTIGATING);
    row(INVESTIGATING, CLOSE, CLOSED);
    row(INVESTIGATING, INVITE_COHANDLER, INVESTIGATING);
    row(INVESTIGATING, ACCEPT_COHANDLING, INVESTIGATING);
    row(INVESTIGATING, DECLINE_COHANDLING, INVESTIGATING);

    row(HANDOVER_OFFERED, ACCEPT_HANDOVER, CLAIMED);
    row(HANDOVER_OFFERED, DECLINE_HANDOVER, CLAIMED);
    // an invitation stands while the lead is offered to another bureau; it can still be answered
    row(HANDOVER_OFFERED, ACCEPT_COHANDLING, HANDOVER_OFFERED);
    row(HANDOVER_OFFERED, DECLINE_COHANDLING, HANDOVER_OFFERED);
  }

  private LeadStateMachine() {}

  private static void row(LeadState from, LeadEvent event, LeadState to) {
    TABLE.computeIfAbsent(from, f -> new EnumMap<>(LeadEvent.class)).put(event, to);
  }

  /** The state after {@code event} in {@code from}, or empty when the table does not allow it. */
  public static Optional<LeadState> next(LeadState from, LeadEvent event) {
    return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
  }
}
