package io.liaison.node.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.Conflict;
import io.liaison.api.action.ConflictKind;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.node.action.internal.DeconflictionIndex;
import io.liaison.node.directory.DirectoryService;
import io.liaison.node.events.EventFeed;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.liaison.search.link.LinkRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deconfliction on every node: each plan taken in (propose, change, any later step) and each lead
 * or case the indexer writes is checked against what the node holds ({@link DeconflictionIndex}).
 * Every node computes the same overlaps from the same clear marks, so the two bureaus of an overlap
 * are each told by their own node, at once, with the other bureau's directory contacts — never with
 * what the other holds. An alert is raised once per pair and kind ({@value #ALERT} on the feed,
 * listed by {@link #mine}).
 *
 * <p>Not covered: a restricted lead is checked only on the nodes that read it, so only its readers
 * are told; records indexed before a restart are checked again only when the index is rebuilt.
 */
public final class Deconfliction implements SearchIndexer.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Deconfliction.class);
  public static final String ALERT = "action.conflict";

  private final DeconflictionIndex index = new DeconflictionIndex();
  private final StoreExecutor store;
  private final EventFeed feed;
  private final BureauId self;
  private final Clock clock;

  public Deconfliction(StoreExecutor store, EventFeed feed, BureauId self, Clock clock) {
    this.store = store;
    this.feed = feed;
    this.self = self;
    this.clock = clock;
  }

  /** The index's entry for a plan record. */
  static DeconflictionIndex.Plan entry(PlanRecord rec) {
    PlanOutline o = rec.outline();
    return new DeconflictionIndex.Plan(
        rec.id(),
        o.leadBureau(),
        new HashSet<>(o.participants()),
        o.window(),
        rec.state().holds(),
        o.targetMarks(),
        o.placeMarks());
  }

  /** A plan was taken in: index it and alert on what it overlaps. */
  public void planChanged(PlanRecord rec) {
    alert(index.putPlan(entry(rec)));
  }

  /** What the plan would overlap now (for the API's check before proposing). */
  public List<DeconflictionIndex.Hit> check(PlanRecord rec) {
    return index.check(entry(rec));
  }

  @Override
  public void upserted(SearchDocument doc, Audience audience) {
    take(doc);
  }

  @Override
  public void rebuilt(Iterable<LinkRecord> all) {
    for (LinkRecord r : all) {
      take(r.document());
    }
  }

  @Override
  public void deleted(String id, long version) {
    index.removeRecord(id);
  }

  @Override
  public void committed(String checkpoint) {}

  private void take(SearchDocument doc) {
    if (!doc.readable()) {
      return;
    }
    boolean open =
        doc.kind() == SearchDocument.Kind.LEAD
            || doc.disposition() == null
            || doc.disposition() == Disposition.PENDING;
    List<String> marks = new ArrayList<>();
    for (Entity e : doc.entities()) {
      Marks.entity(e.type(), e.value()).ifPresent(marks::add);
    }
    alert(index.putRecord(doc.id(), doc.bureau(), marks, open));
  }

  private void alert(List<DeconflictionIndex.Hit> hits) {
    for (DeconflictionIndex.Hit h : hits) {
      if (!h.involves(self)) {
        continue;
      }
      boolean mine = h.planBureau().equals(self);
      BureauId other = mine ? h.otherBureau() : h.planBureau();
      String planId = mine || h.kind() == ConflictKind.OPEN_RECORD ? h.planId() : h.other();
      String otherId = planId.equals(h.planId()) ? h.other() : h.planId();
      Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      store
          .transaction(
              s -> {
                if (!s.markNotified(h.id(), ALERT)) {
                  return Optional.<StoredEvent>empty();
                }
                Conflict c =
                    new Conflict(
                        h.id(),
                        h.kind(),
                        planId,
                        otherId,
                        other,
                        DirectoryService.contacts(s, other),
                        at);
                return Optional.of(feed.append(s, ALERT, planId, self.code(), c));
              })
          .onSuccess(
              e ->
                  e.ifPresent(
                      ev -> {
                        feed.publish(ev);
                        LOG.info(
                            "deconfliction alert kind={} plan={} other={} call={} bureau={}",
                            h.kind(),
                            planId,
                            otherId,
                            other,
                            self);
                      }))
          .onFailure(
              e -> LOG.warn("deconfliction alert not raised id={}: {}", h.id(), e.toString()));
    }
  }

  /** This bureau's alerts, newest first. */
  public Future<List<Conflict>> mine(int limit) {
    return store.call(
        s -> s.eventData(ALERT, limit).stream().map(Deconfliction::conflict).toList());
  }

  private static Conflict conflict(String json) {
    try {
      return Json.mapper().readValue(json, Conflict.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alert unreadable", e);
    }
  }

  /** Takes in every stored plan (start-up). */
  public Future<Void> load(ActionService actions) {
    return actions
        .all()
        .map(
            list -> {
              list.forEach(this::planChanged);
              LOG.info("deconfliction index loaded plans={}", list.size());
              return null;
            });
  }
}
