package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.TransitionEvent;
import io.liaison.api.lead.TransitionView;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.directory.DirectoryService;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a verified lead record to the node's store: the one place where a post, a transition this
 * node decided and a value taken in from the grid all end. Runs on the store thread, inside the
 * caller's transaction; what it returns are the feed events to publish once that transaction is
 * committed.
 */
final class LeadCommit {
  private static final Logger LOG = LoggerFactory.getLogger(LeadCommit.class);

  /** Feed event type of a conflict resolved between two histories of a lead. */
  static final String CONFLICT = "lead.conflict";

  private final TrustService trust;
  private final AuditLog audit;
  private final LeadSealing sealing;
  private final EventFeed feed;
  private final MeterRegistry metrics;
  private final Clock clock;

  LeadCommit(
      TrustService trust, LeadSealing sealing, EventFeed feed, MeterRegistry metrics, Clock clock) {
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.sealing = sealing;
    this.feed = feed;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Stores {@code rec} if it is new or continues the stored copy; returns the feed events of what
   * is new. Own envelopes the audit chain does not account for yet are chained here, so a crash
   * between the grid and the store cannot leave an effective envelope out of the chain. Two
   * different continuations of one lead (both sides of a network split acted) are resolved by
   * {@link Forks}: the losing envelopes are kept as superseded and a conflict event is told.
   */
  List<StoredEvent> apply(Store s, LeadRecord rec) {
    String id = rec.lead().id();
    LeadRecord old = s.record(id).map(r -> LeadRecord.parse(id, r.body())).orElse(null);
    int from = old == null ? 0 : old.envelopes().size();
    List<StoredEvent> events = new ArrayList<>();
    if (old != null && (old.hash().equals(rec.hash()) || rec.isPrefixOf(old))) {
      return List.of(); // nothing new (an older copy on the grid is repaired by the caller)
    }
    if (old != null && !old.isPrefixOf(rec)) {
      // two different continuations of one lead, e.g. both sides of a network split acted
      LeadRecord win = Forks.winner(old, rec);
      LeadRecord lose = win == old ? rec : old;
      int d = Forks.divergence(old, rec);
      for (int i = d; i < lose.envelopes().size(); i++) {
        s.supersede(id, lose.envelopes().get(i));
      }
      events.add(feed.append(s, CONFLICT, id, null, LeadViews.conflict(win, lose, d)));
      metrics.counter("liaison.lead.conflicts").increment();
      LOG.warn(
          "lead conflict resolved lead={} kept={} superseded={} from={}",
          id,
          win.envelopes().get(d).signer(),
          lose.envelopes().get(d).signer(),
          d);
      if (win == old) {
        return events;
      }
      from = d;
    }
    s.putRecord(LeadViews.stored(rec));
    for (int i = from; i < rec.envelopes().size(); i++) {
      SignedEnvelope env = rec.envelopes().get(i);
      if (env.signer().equals(trust.bureau()) && !s.chainHas(env.hash())) {
        audit.append(s, "lead/" + id, env, now());
      }
      if (i == 0) {
        events.add(feed.append(s, LeadRecord.POSTED, id, null, sealing.view(rec)));
      } else {
        TransitionView t = rec.history().get(i - 1);
        measure(rec, t);
        events.add(
            feed.append(
                s,
                LeadViews.eventType(t),
                id,
                LeadViews.audience(rec, t).code(),
                withContacts(s, LeadViews.eventData(rec, t, title(rec)), t.bureau())));
        for (BureauId invited : LeadViews.alsoInvited(t)) {
          events.add(
              feed.append(
                  s,
                  "lead.cohandling.invited",
                  id,
                  invited.code(),
                  withContacts(s, LeadViews.eventData(rec, t, title(rec), invited), t.bureau())));
        }
      }
    }
    return events;
  }

  /** Adds who to call at the acting bureau, from its signed liaison directory. */
  private static TransitionEvent withContacts(Store s, TransitionEvent data, BureauId b) {
    return data.withContacts(DirectoryService.contacts(s, b));
  }

  private String title(LeadRecord rec) {
    Lead readable = sealing.readable(rec);
    return readable == null ? null : readable.title();
  }

  private void measure(LeadRecord rec, TransitionView t) {
    String bureau = t.bureau().code();
    switch (t.event()) {
      case CLAIM ->
          metrics
              .timer("liaison.lead.time.to.claim", "claimer", bureau)
              .record(Duration.between(rec.lead().postedAt(), t.at()));
      case FEEDBACK -> {
        if (rec.status().claimedAt() != null) {
          metrics
              .timer("liaison.lead.time.to.feedback", "owner", bureau)
              .record(Duration.between(rec.status().claimedAt(), t.at()).abs());
        }
      }
      case OFFER_HANDOVER -> metrics.counter("liaison.lead.handovers", "from", bureau).increment();
      default -> {
        // not measured
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
