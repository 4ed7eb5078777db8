package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadConflict;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadStatus;
import io.liaison.api.lead.TransitionEvent;
import io.liaison.api.lead.TransitionView;
import io.liaison.node.store.RecordFacts;
import io.liaison.node.store.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Mapping a verified {@link LeadRecord} to what the API serves and what the store indexes. */
final class LeadViews {
  private LeadViews() {}

  static StoredRecord stored(LeadRecord rec) {
    LeadStatus s = rec.status();
    Instant owed = ownerFeedbackAt(s);
    Long feedbackAt = owed == null ? null : owed.toEpochMilli();
    String targets =
        rec.lead().targetBureaus().isEmpty()
            ? null
            : rec.lead().targetBureaus().stream()
                .map(BureauId::code)
                .collect(Collectors.joining(",", ",", ","));
    return new StoredRecord(
        rec.lead().id(),
        LeadRecord.KIND,
        rec.lead().originBureau().code(),
        rec.lead().postedAt(),
        rec.hash(),
        rec.json(),
        new RecordFacts(
            s.state().name(),
            s.owner() == null ? null : s.owner().code(),
            s.handoverTo() == null ? null : s.handoverTo().code(),
            targets,
            s.claimedAt() == null ? null : s.claimedAt().toEpochMilli(),
            feedbackAt,
            rec.lead().expiresAt() == null ? null : rec.lead().expiresAt().toEpochMilli(),
            // a final lead needs no cluster-wide decision any more: it leaves the grid a retention
            // after its last transition; an open one never does (claims need the entry processor)
            s.state().isFinal()
                ? rec.envelopes().get(rec.envelopes().size() - 1).signedAt().toEpochMilli()
                : null));
  }

  /**
   * The store condition "the owner has given no feedback since its claim" ({@link
   * #ownerFeedbackAt}); a row written before review-3 F26 may hold an earlier owner's time, before
   * the claim, which this also reads as none.
   */
  static final String NO_OWNER_FEEDBACK = "(feedback_at IS NULL OR feedback_at < claimed_at)";

  /**
   * When the current owner first gave feedback since it claimed (or took over) the lead, or null:
   * feedback of an earlier owner, before a release or a hand-over, does not answer the new owner's
   * duty (review-3 F26). This is what the store's {@code feedback_at} column holds, what the
   * sweeper's overdue notices go by, and what the report's duties count as the answer.
   */
  static Instant ownerFeedbackAt(LeadStatus s) {
    if (s.owner() == null) {
      return null;
    }
    return s.feedback().stream()
        .filter(f -> f.bureau().equals(s.owner()))
        .filter(f -> s.claimedAt() == null || !f.at().isBefore(s.claimedAt()))
        .map(LeadStatus.Feedback::at)
        .findFirst()
        .orElse(null);
  }

  /** The event-feed type of a transition, e.g. {@code lead.claimed}. */
  static String eventType(TransitionView t) {
    return switch (t.event()) {
      case CLAIM -> "lead.claimed";
      case RELEASE -> "lead.released";
      case INVESTIGATE -> "lead.investigating";
      case OFFER_HANDOVER -> "lead.handover.offered";
      case ACCEPT_HANDOVER -> "lead.handover.accepted";
      case DECLINE_HANDOVER -> "lead.handover.declined";
      case FEEDBACK -> "lead.feedback";
      case CLOSE -> "lead.closed";
      case WITHDRAW -> "lead.withdrawn";
      case EXPIRE -> "lead.expired";
      case INVITE_COHANDLER -> "lead.cohandling.invited";
      case ACCEPT_COHANDLING -> "lead.cohandling.accepted";
      case DECLINE_COHANDLING -> "lead.cohandling.declined";
    };
  }

  /** The bureau an event on this lead is mainly for (who should be told). */
  static BureauId audience(LeadRecord rec, TransitionView t) {
    return switch (t.event()) {
      case OFFER_HANDOVER -> t.to();
      case INVITE_COHANDLER -> t.cohandlers().get(0);
      case ACCEPT_COHANDLING, DECLINE_COHANDLING ->
          rec.status().cohandler(t.bureau()).map(c -> c.invitedBy()).orElse(t.bureau());
      case ACCEPT_HANDOVER, DECLINE_HANDOVER ->
          rec.history().stream()
              .filter(h -> h.event() == LeadEvent.OFFER_HANDOVER)
              .reduce((a, b) -> b)
              .map(TransitionView::bureau)
              .orElse(rec.lead().originBureau());
      default -> rec.lead().originBureau();
    };
  }

  /**
   * The bureaus invited by {@code t} that its own event does not address: every invited bureau of a
   * claim that invites, the second and later of an invitation (whose event goes to the first). Each
   * is told by a {@code lead.cohandling.invited} event of its own (review-3 F20).
   */
  static List<BureauId> alsoInvited(TransitionView t) {
    List<BureauId> invited = t.cohandlers() == null ? List.of() : t.cohandlers();
    if (t.event() == LeadEvent.INVITE_COHANDLER) {
      return invited.size() > 1 ? invited.subList(1, invited.size()) : List.of();
    }
    return invited;
  }

  /** The data of a {@code lead.conflict} event: what was kept and what was superseded. */
  static LeadConflict conflict(LeadRecord win, LeadRecord lose, int from) {
    int h = Math.max(0, from - 1);
    return new LeadConflict(
        win.lead().id(),
        LeadConflict.RULE,
        win.history().subList(Math.min(h, win.history().size()), win.history().size()),
        lose.history().subList(Math.min(h, lose.history().size()), lose.history().size()),
        win.status().state(),
        win.status().owner());
  }

  /** The data of a transition event: what happened, to which lead, and the status after it. */
  static TransitionEvent eventData(LeadRecord rec, TransitionView t, String title) {
    return eventData(rec, t, title, audience(rec, t));
  }

  /** The data of a transition event addressed to {@code audience}. */
  static TransitionEvent eventData(
      LeadRecord rec, TransitionView t, String title, BureauId audience) {
    return new TransitionEvent(
        rec.lead().id(),
        title,
        rec.lead().originBureau(),
        audience,
        t,
        rec.status().state(),
        rec.status().owner(),
        rec.status().cohandlers(),
        null);
  }
}
