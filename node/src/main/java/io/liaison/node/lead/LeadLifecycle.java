package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.CoHandler;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.TransitionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    CoHandling co = new CoHandling(s.cohandlers());
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
        if (r.cohandlers() != null) {
          co.invite(lead, actor, t, r);
        }
      }
      case RELEASE -> {
        requireOwner(s, actor);
        owner = null;
        claimedAt = null;
        // whoever claims it next leads anew and invites its own co-handlers; what the leaving
        // co-handlers reported to the origin stays in the lead's feedback (review-3 F7)
        feedback = keep(feedback, co.feedbackOf(null));
        co.clear();
      }
      case INVITE_COHANDLER -> {
        requireOwner(s, actor);
        co.invite(lead, actor, t, r);
      }
      case ACCEPT_COHANDLING, DECLINE_COHANDLING -> co.decide(actor, t, r);
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
        // a co-handler that takes the lead over leads it now; its feedback as co-handler stays
        feedback = keep(feedback, co.feedbackOf(actor));
        co.remove(actor);
      }
      case DECLINE_HANDOVER -> requireHandoverTarget(s, actor);
      case FEEDBACK -> {
        LeadStatus.Feedback given =
            new LeadStatus.Feedback(actor, r.officer(), t.at(), r.feedback());
        if (co.isAccepted(actor) && !actor.equals(s.owner())) {
          co.feedback(actor, given); // a co-handler's own feedback, kept apart
        } else {
          requireOwner(s, actor);
          List<LeadStatus.Feedback> more = new ArrayList<>(feedback);
          more.add(given);
          feedback = more;
        }
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
        hash,
        co.list());
  }

  /**
   * The co-handlers of a lead while one transition is applied (a copy; the status is immutable).
   */
  private static final class CoHandling {
    private final List<CoHandler> list;

    CoHandling(List<CoHandler> current) {
      this.list = new ArrayList<>(current);
    }

    List<CoHandler> list() {
      return list;
    }

    void clear() {
      list.clear();
    }

    /** The feedback co-handler {@code b} gave (every co-handler's when {@code b} is null). */
    List<LeadStatus.Feedback> feedbackOf(BureauId b) {
      return list.stream()
          .filter(c -> b == null || c.bureau().equals(b))
          .flatMap(c -> c.feedback().stream())
          .toList();
    }

    void remove(BureauId b) {
      list.removeIf(c -> c.bureau().equals(b));
    }

    private int indexOf(BureauId b) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).bureau().equals(b)) {
          return i;
        }
      }
      return -1;
    }

    boolean isAccepted(BureauId b) {
      int i = indexOf(b);
      return i >= 0 && list.get(i).state() == CoHandler.State.ACCEPTED;
    }

    /**
     * The owner {@code lead} invites {@code r.cohandlers()}; a declined bureau may be asked again.
     */
    void invite(Lead lead, BureauId leader, Transition t, TransitionRequest r) {
      for (BureauId b : r.cohandlers()) {
        if (b.equals(leader)) {
          throw forbidden("the lead bureau " + b + " cannot co-handle its own lead");
        }
        if (b.equals(lead.originBureau())) {
          throw forbidden(
              "the origin bureau " + b + " receives the feedback; it does not co-handle");
        }
        if (lead.distribution() == Distribution.RESTRICTED && !lead.addresses(b)) {
          throw forbidden("a restricted lead can only be co-handled by one of its recipients");
        }
        int i = indexOf(b);
        if (i >= 0 && list.get(i).state() != CoHandler.State.DECLINED) {
          throw new TransitionRefused(
              TransitionRefused.Kind.STATE,
              "bureau " + b + " is " + list.get(i).state() + " already");
        }
        CoHandler invited =
            new CoHandler(
                b,
                CoHandler.State.INVITED,
                r.note(),
                leader,
                r.officer(),
                t.at(),
                null,
                null,
                null,
                List.of());
        if (i >= 0) {
          list.set(i, invited);
        } else {
          list.add(invited);
        }
      }
    }

    /** The invited bureau {@code actor} accepts or declines, once. */
    void decide(BureauId actor, Transition t, TransitionRequest r) {
      int i = indexOf(actor);
      if (i < 0) {
        throw forbidden("bureau " + actor + " was not invited to co-handle the lead");
      }
      CoHandler c = list.get(i);
      if (c.state() != CoHandler.State.INVITED) {
        throw new TransitionRefused(
            TransitionRefused.Kind.STATE,
            "bureau " + actor + " has decided already (" + c.state() + ")");
      }
      boolean accept = r.event() == LeadEvent.ACCEPT_COHANDLING;
      list.set(
          i,
          new CoHandler(
              actor,
              accept ? CoHandler.State.ACCEPTED : CoHandler.State.DECLINED,
              c.task(),
              c.invitedBy(),
              c.invitedByOfficer(),
              c.invitedAt(),
              r.officer(),
              t.at(),
              accept ? null : r.note(),
              List.of()));
    }

    void feedback(BureauId actor, LeadStatus.Feedback given) {
      int i = indexOf(actor);
      CoHandler c = list.get(i);
      List<LeadStatus.Feedback> more = new ArrayList<>(c.feedback());
      more.add(given);
      list.set(
          i,
          new CoHandler(
              c.bureau(),
              c.state(),
              c.task(),
              c.invitedBy(),
              c.invitedByOfficer(),
              c.invitedAt(),
              c.decidedBy(),
              c.decidedAt(),
              c.declineReason(),
              more));
    }
  }

  /** {@code feedback} with {@code more} added, in the order given (oldest first). */
  private static List<LeadStatus.Feedback> keep(
      List<LeadStatus.Feedback> feedback, List<LeadStatus.Feedback> more) {
    if (more.isEmpty()) {
      return feedback;
    }
    List<LeadStatus.Feedback> all = new ArrayList<>(feedback);
    all.addAll(more);
    all.sort(Comparator.comparing(LeadStatus.Feedback::at));
    return all;
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
