package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.TransitionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies transitions to a lead's status: the state table ({@link LeadStateMachine}) plus who may
 * fire each event. Pure and deterministic: the partition owner, every receiving node and the
 * auditor compute the same status from the same signed history.
 */
public final class LeadLifecycle {
  private LeadLifecycle() {}

  /** The status of a lead that has just been posted. */
  public static LeadStatus initial(String postHash) {
    return new LeadStatus(
        LeadState.POSTED, null, null, null, List.of(), null, null, null, null, 1, postHash);
  }

  /**
   * The status after {@code t}, whose envelope hash is {@code hash}.
   *
   * @throws TransitionRefused if the table or the guards refuse it
   */
  public static LeadStatus apply(Lead lead, LeadStatus s, Transition t, String hash) {
    TransitionRequest r = t.request();
    LeadEvent e = r.event();
    LeadState to =
        LeadStateMachine.next(s.state(), e)
            .orElseThrow(
                () ->
                    new TransitionRefused(
                        TransitionRefused.Kind.STATE,
                        "cannot "
                            + e
                            + " a lead in state "
                            + s.state()
                            + (s.owner() == null ? "" : " (owner " + s.owner() + ")")));
    BureauId actor = t.actor();
    BureauId owner = s.owner();
    BureauId handoverTo = null;
    Instant claimedAt = s.claimedAt();
    List<LeadStatus.Feedback> feedback = s.feedback();
    switch (e) {
      case CLAIM -> {
        if (actor.equals(lead.originBureau())) {
          throw forbidden("the origin bureau cannot claim its own lead");
        }
        if (!lead.addresses(actor)) {
          throw forbidden("the lead is not addressed to bureau " + actor);
        }
        owner = actor;
        claimedAt = t.at();
      }
      case RELEASE -> {
        requireOwner(s, actor);
        owner = null;
        claimedAt = null;
      }
      case INVESTIGATE -> requireOwner(s, actor);
      case OFFER_HANDOVER -> {
        requireOwner(s, actor);
        if (r.to().equals(actor)) {
          throw forbidden("a bureau cannot hand a lead over to itself");
        }
        if (lead.distribution() == Distribution.RESTRICTED
            && !lead.addresses(r.to())
            && !r.to().equals(lead.originBureau())) {
          throw forbidden("a restricted lead can only be handed to one of its recipients");
        }
        handoverTo = r.to();
      }
      case ACCEPT_HANDOVER -> {
        requireHandoverTarget(s, actor);
        owner = actor;
        claimedAt = t.at();
      }
      case DECLINE_HANDOVER -> requireHandoverTarget(s, actor);
      case FEEDBACK -> {
        requireOwner(s, actor);
        List<LeadStatus.Feedback> more = new ArrayList<>(feedback);
        more.add(new LeadStatus.Feedback(actor, r.officer(), t.at(), r.feedback()));
        feedback = more;
      }
      case CLOSE -> {
        requireOwner(s, actor);
        if (feedback.isEmpty()) {
          throw new TransitionRefused(
              TransitionRefused.Kind.STATE,
              "feedback to the origin bureau "
                  + lead.originBureau()
                  + " is required before closing");
        }
      }
      case WITHDRAW -> {
        if (!actor.equals(lead.originBureau())) {
          throw forbidden(
              "only the origin bureau " + lead.originBureau() + " can withdraw the lead");
        }
      }
      case EXPIRE -> {
        if (lead.expiresAt() == null || t.at().isBefore(lead.expiresAt())) {
          throw new TransitionRefused(TransitionRefused.Kind.STATE, "the lead has not expired");
        }
      }
      default -> throw new IllegalStateException("unhandled event " + e);
    }
    boolean closing = e == LeadEvent.CLOSE;
    return new LeadStatus(
        to,
        to == LeadState.POSTED || to == LeadState.WITHDRAWN || to == LeadState.EXPIRED
            ? null
            : owner,
        handoverTo,
        claimedAt,
        feedback,
        closing ? r.outcome() : null,
        closing ? r.caseNumber() : null,
        closing ? r.mergedInto() : null,
        closing ? t.at() : null,
        s.version() + 1,
        hash);
  }

  private static void requireOwner(LeadStatus s, BureauId actor) {
    if (!actor.equals(s.owner())) {
      throw forbidden(
          s.owner() == null
              ? "nobody owns the lead"
              : "the lead is owned by bureau " + s.owner() + ", not " + actor);
    }
  }

  private static void requireHandoverTarget(LeadStatus s, BureauId actor) {
    if (!actor.equals(s.handoverTo())) {
      throw forbidden("the hand-over was offered to bureau " + s.handoverTo() + ", not " + actor);
    }
  }

  private static TransitionRefused forbidden(String message) {
    return new TransitionRefused(TransitionRefused.Kind.FORBIDDEN, message);
  }
}
