package io.liaison.node.lead;

import com.hazelcast.core.HazelcastInstance;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic lead housekeeping. Expiry of unclaimed leads is run by one node only, the oldest member
 * of the cluster (and the entry processor makes a second EXPIRE harmless anyway). Overdue feedback
 * is checked by every node for its own bureau, and told to its officers once per lead.
 */
public final class LeadSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(LeadSweeper.class);
  public static final String OVERDUE = "lead.overdue";

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final LeadService leads;
  private final StoreExecutor store;
  private final EventFeed feed;

  /** The feedback period the bureaus agreed (none agreed: nothing is overdue). */
  private final Supplier<Optional<Duration>> feedbackPeriod;

  private final Clock clock;
  private long timer = -1;
  private boolean running;

  public LeadSweeper(
      Vertx vertx,
      HazelcastInstance hazelcast,
      LeadService leads,
      StoreExecutor store,
      EventFeed feed,
      Supplier<Optional<Duration>> feedbackPeriod,
      Clock clock) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.leads = leads;
    this.store = store;
    this.feed = feed;
    this.feedbackPeriod = feedbackPeriod;
    this.clock = clock;
  }

  public void start(Duration interval) {
    timer = vertx.setPeriodic(interval.toMillis(), t -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One pass: expire (if this is the oldest member), then tell overdue leads. */
  public Future<Void> sweep() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    return expire().compose(v -> overdue()).onComplete(ar -> running = false);
  }

  private Future<Void> expire() {
    if (!hazelcast.getCluster().getMembers().iterator().next().localMember()) {
      return Future.succeededFuture();
    }
    long now = clock.millis();
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

  private Future<Void> overdue() {
    Optional<Duration> period = feedbackPeriod.get();
    if (period.isEmpty()) {
      return Future.succeededFuture();
    }
    Duration feedbackDeadline = period.get();
    long deadline = clock.millis() - feedbackDeadline.toMillis();
    String me = leads.bureau().code();
    return store
        .transaction(
            s -> {
              List<StoredEvent> events = new ArrayList<>();
              for (var r :
                  s.recordsWhere(
                      LeadRecord.KIND,
                      "owner=? AND state IN ('CLAIMED','INVESTIGATING') AND feedback_at IS NULL"
                          + " AND claimed_at < ?",
                      List.of(me, deadline),
                      null,
                      500)) {
                if (s.markNotified(r.id(), OVERDUE)) {
                  LeadRecord rec = LeadRecord.parse(r.id(), r.body());
                  events.add(
                      feed.append(
                          s,
                          OVERDUE,
                          r.id(),
                          me,
                          Map.of(
                              "leadId", r.id(),
                              "title", String.valueOf(leads.sealing().readable(rec).title()),
                              "originBureau", rec.lead().originBureau(),
                              "claimedAt", rec.status().claimedAt(),
                              "feedbackDeadlineDays", feedbackDeadline.toDays())));
                }
              }
              return events;
            })
        .map(
            events -> {
              events.forEach(feed::publish);
              return null;
            });
  }
}
