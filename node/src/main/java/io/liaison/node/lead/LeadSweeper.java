package io.liaison.node.lead;

import com.hazelcast.core.HazelcastInstance;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.OverdueNotice;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.settings.RegionSettings;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic lead housekeeping. Expiry of unclaimed leads is run by one node only, the oldest member
 * of the cluster (and the entry processor makes a second EXPIRE harmless anyway). The agreed
 * overdue rules ({@link OverdueRules}) are acted on by every node for its own bureau: as the owner
 * of a lead without feedback it tells its officers the first overdue notice, a reminder every
 * agreed interval, and the escalation (to its chief) after the agreed days; as the origin it tells
 * its officers the escalation of its own lead. Each notice once (the store's notified marks). Every
 * node computes these from the signed lead and the signed rules in force, so nothing more travels.
 */
public final class LeadSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(LeadSweeper.class);
  public static final String OVERDUE = OverdueRules.OVERDUE;

  /** Claimed, no feedback of the owner since its claim (checked again on the parsed status). */
  private static final String OPEN =
      "state IN ('CLAIMED','INVESTIGATING') AND " + LeadViews.NO_OWNER_FEEDBACK;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final LeadService leads;
  private final StoreExecutor store;
  private final EventFeed feed;

  /** The rules the bureaus agreed (none agreed: nothing is overdue). */
  private final Supplier<Optional<RegionSettings>> rules;

  private final Clock clock;
  private long timer = -1;
  private Future<Void> last = Future.succeededFuture();

  public LeadSweeper(
      Vertx vertx,
      HazelcastInstance hazelcast,
      LeadService leads,
      StoreExecutor store,
      EventFeed feed,
      Supplier<Optional<RegionSettings>> rules,
      Clock clock) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.leads = leads;
    this.store = store;
    this.feed = feed;
    this.rules = rules;
    this.clock = clock;
  }

  public void start(Duration interval) {
    timer = vertx.setPeriodic(interval.toMillis(), t -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One pass now: expire (if this is the oldest member), then the overdue notices. */
  public Future<Void> sweep() {
    return sweep(clock.instant());
  }

  /**
   * One pass as of {@code now} (the node's clock; tests move it days ahead): passes run one after
   * the other, never two at once.
   */
  public synchronized Future<Void> sweep(Instant now) {
    Future<Void> next = last.transform(ar -> expire(now).compose(v -> overdue(now)));
    last = next.recover(e -> Future.succeededFuture());
    return next;
  }

  private Future<Void> expire(Instant at) {
    if (!hazelcast.getCluster().getMembers().iterator().next().localMember()) {
      return Future.succeededFuture();
    }
    long now = at.toEpochMilli();
    return store
        .call(
            s ->
                s.recordsWhere(
                    LeadRecord.KIND,
                    "state='POSTED' AND expires_at IS NOT NULL AND expires_at <= ?",
                    List.of(now),
                    null,
                    500))
        .compose(
            rows -> {
              Future<Void> chain = Future.succeededFuture();
              for (var r : rows) {
                chain =
                    chain.compose(
                        v ->
                            leads
                                .transition(
                                    r.id(), TransitionRequest.of(LeadEvent.EXPIRE, "system"), null)
                                .onSuccess(x -> LOG.info("lead expired lead={}", r.id()))
                                .<Void>mapEmpty()
                                .recover(e -> Future.succeededFuture()));
              }
              return chain;
            });
  }

  private Future<Void> overdue(Instant now) {
    Optional<RegionSettings> agreed = rules.get();
    if (agreed.isEmpty()) {
      return Future.succeededFuture();
    }
    RegionSettings r = agreed.get();
    long overdueSince = now.minus(Duration.ofDays(r.feedbackPeriodDays())).toEpochMilli();
    Duration escalation = OverdueRules.escalationAfterClaim(r);
    String me = leads.bureau().code();
    return store
        .transaction(
            s -> {
              List<StoredEvent> events = new ArrayList<>();
              for (var row :
                  s.recordsWhere(
                      LeadRecord.KIND,
                      "owner=? AND " + OPEN + " AND claimed_at < ?",
                      List.of(me, overdueSince),
                      null,
                      500)) {
                LeadRecord rec = LeadRecord.parse(row.id(), row.body());
                if (LeadViews.ownerFeedbackAt(rec.status()) != null) {
                  continue;
                }
                for (OverdueRules.Notice n :
                    OverdueRules.forOwner(r, rec.status().claimedAt(), now)) {
                  if (s.markNotified(row.id(), n.kind())) {
                    events.add(feed.append(s, n.type(), row.id(), me, data(rec, r, n, "owner")));
                  }
                }
              }
              if (escalation != null) {
                for (var row :
                    s.recordsWhere(
                        LeadRecord.KIND,
                        "origin=? AND " + OPEN + " AND claimed_at < ?",
                        List.of(me, now.minus(escalation).toEpochMilli()),
                        null,
                        500)) {
                  LeadRecord rec = LeadRecord.parse(row.id(), row.body());
                  if (LeadViews.ownerFeedbackAt(rec.status()) != null) {
                    continue;
                  }
                  for (OverdueRules.Notice n :
                      OverdueRules.forOrigin(r, rec.status().claimedAt(), now)) {
                    if (s.markNotified(row.id(), n.kind())) {
                      events.add(feed.append(s, n.type(), row.id(), me, data(rec, r, n, "origin")));
                    }
                  }
                }
              }
              return events;
            })
        .map(
            events -> {
              events.forEach(feed::publish);
              if (!events.isEmpty()) {
                LOG.info("lead overdue notices bureau={} count={}", me, events.size());
              }
              return null;
            });
  }

  /**
   * What a notice says: the lead, who owes the feedback since when, the rule it follows, and for
   * whom ({@code to}: {@code owner} — the owner's officers, its chief for an escalation — or {@code
   * origin}).
   */
  private OverdueNotice data(LeadRecord rec, RegionSettings r, OverdueRules.Notice n, String to) {
    Lead readable = leads.sealing().readable(rec);
    boolean reminder = n.reminder() > 0;
    boolean escalated = n.type().equals(OverdueRules.ESCALATED);
    return new OverdueNotice(
        rec.lead().id(),
        readable == null ? null : readable.title(),
        rec.lead().originBureau(),
        rec.status().owner(),
        rec.status().claimedAt(),
        n.overdueSince(),
        r.feedbackPeriodDays(),
        r.version(),
        to,
        reminder ? n.reminder() : null,
        reminder ? r.overdueRemindDays() : null,
        escalated ? r.escalateAfterDays() : null,
        escalated ? (to.equals("origin") ? "origin" : "chief") : null);
  }
}
