package io.liaison.node.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.area.AreaModel;
import io.liaison.api.area.AreaTouch;
import io.liaison.api.area.AreaTouchPage;
import io.liaison.api.area.TouchEvidence;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.Malformed;
import io.liaison.node.events.EventFeed;
import io.liaison.node.search.SearchIndexer;
import io.liaison.node.store.Cursor;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.liaison.search.link.LinkRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bureau's area and the shared records that touch it. The area is kept on this node only, as
 * an envelope this bureau signed (kind {@code area}); it is never put on the grid: each bureau
 * matches what reaches it against its own area. As an index listener it sees every lead and case
 * the node indexes (every version, from any bureau, readable ones only): a record of another bureau
 * that names the area is told at once (event {@code area.touch}, with the evidence) and kept in the
 * list of touches (kind {@code area-touch}, local). The same evidence is told once; new evidence (a
 * later version naming more) is told again. When the area is set or changed, every record indexed
 * before is looked at again ({@link #lookBackOver}): a case shared last month that names a village
 * added today is told today.
 */
public final class AreaService implements SearchIndexer.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(AreaService.class);
  public static final String KIND = "area";
  public static final String TOUCH_KIND = "area-touch";
  public static final String TOUCH_EVENT = "area.touch";
  static final String TYPE = "area";

  private final StoreExecutor store;
  private final EventFeed feed;
  private final TrustService trust;
  private final Clock clock;
  private volatile AreaModel area;
  private volatile Runnable lookBack = () -> {};

  public AreaService(StoreExecutor store, EventFeed feed, TrustService trust, Clock clock) {
    this.store = store;
    this.feed = feed;
    this.trust = trust;
    this.clock = clock;
  }

  private String id() {
    return "area/" + trust.bureau().code();
  }

  /**
   * After each save, hands this service every record {@code indexer} holds again (on a worker
   * thread), so that records indexed before the area named them are told too.
   */
  public void lookBackOver(SearchIndexer indexer, Vertx vertx) {
    lookBack =
        () ->
            vertx
                .executeBlocking(
                    () -> {
                      indexer.replay(this);
                      return null;
                    },
                    false)
                .onFailure(
                    e ->
                        LOG.warn(
                            "area look-back failed bureau={}: {}", trust.bureau(), e.toString()));
  }

  /** Reads the area this bureau signed earlier (before the indexer starts). */
  public Future<Void> load() {
    return store
        .call(s -> s.record(id()))
        .map(
            r -> {
              r.ifPresent(x -> area = verified(x.body()).orElse(null));
              return null;
            });
  }

  private Optional<AreaModel> verified(String body) {
    try {
      SignedEnvelope env = SignedEnvelope.fromJson(body.getBytes(StandardCharsets.UTF_8));
      if (!trust.verify(env).isValid() || !env.signer().equals(trust.bureau())) {
        LOG.warn("stored area refused (signature) bureau={}", trust.bureau());
        return Optional.empty();
      }
      return Optional.of(parse(env));
    } catch (RuntimeException e) {
      LOG.warn("stored area unreadable bureau={}: {}", trust.bureau(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The area in force, if this bureau has set one. */
  public Optional<AreaModel> current() {
    return Optional.ofNullable(area);
  }

  /** Signs and keeps the next version of this bureau's area. */
  public Future<AreaModel> save(AreaModel next) {
    if (!next.bureau().equals(trust.bureau())) {
      throw new Invalid(
          "foreign-area", "a node keeps the area of its own bureau " + trust.bureau(), "/bureau");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store
        .call(
            s -> {
              Optional<SignedEnvelope> prev =
                  s.record(id())
                      .map(r -> SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8)));
              long version = prev.map(p -> parse(p).version()).orElse(0L) + 1;
              AreaModel signed = next.withVersion(version);
              ObjectNode payload = Json.mapper().valueToTree(signed);
              payload.put("type", TYPE);
              SignedEnvelope env =
                  trust.sign(payload, prev.map(SignedEnvelope::hash).orElse(Hashes.GENESIS), now);
              SignedRecords.put(s, id(), KIND, env);
              return signed;
            })
        .onSuccess(
            a -> {
              area = a;
              LOG.info("area saved bureau={} version={}", a.bureau(), a.version());
              lookBack.run();
            });
  }

  /** Touches of this bureau's area, newest first. */
  public Future<AreaTouchPage> touches(String cursor, int limit) {
    Cursor before;
    try {
      before = cursor == null ? null : Cursor.decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad-parameter", e.getMessage(), "cursor");
    }
    return store.call(
        s -> {
          List<StoredRecord> rows = s.recordsWhere(TOUCH_KIND, "1=1", List.of(), before, limit + 1);
          List<AreaTouch> items = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(read(rows.get(i).body(), AreaTouch.class));
          }
          String next = null;
          if (rows.size() > limit) {
            StoredRecord last = rows.get(limit - 1);
            next = new Cursor(last.postedAt().toEpochMilli(), last.id()).encode();
          }
          return new AreaTouchPage(items, next);
        });
  }

  @Override
  public void upserted(SearchDocument doc, Audience audience) {
    AreaModel a = area;
    if (a != null) {
      check(a, doc);
    }
  }

  /** Tells a touch of {@code a} by {@code doc} once per evidence; nothing when it names none. */
  private void check(AreaModel a, SearchDocument doc) {
    List<TouchEvidence> evidence = AreaMatcher.match(a, doc);
    if (evidence.isEmpty()) {
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AreaTouch touch =
        new AreaTouch(
            doc.id(), doc.kind().name(), doc.bureau(), doc.title(), doc.date(), evidence, now);
    String evidenceHash =
        Hashes.sha256Hex(write(evidence).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    store
        .transaction(
            s -> {
              if (!s.markNotified(doc.id(), TOUCH_EVENT + ":" + evidenceHash)) {
                return null;
              }
              keep(s, touch, evidenceHash);
              return feed.append(s, TOUCH_EVENT, doc.id(), trust.bureau().code(), touch);
            })
        .onSuccess(
            e -> {
              if (e != null) {
                feed.publish(e);
                LOG.info(
                    "area touched bureau={} record={} origin={} evidence={}",
                    trust.bureau(),
                    doc.id(),
                    doc.bureau(),
                    evidence.size());
              }
            })
        .onFailure(e -> LOG.warn("area touch not kept record={}: {}", doc.id(), e.toString()));
  }

  private static void keep(Store s, AreaTouch touch, String evidenceHash) {
    String json = write(touch);
    s.putRecord(
        new StoredRecord(
            "area-touch/" + touch.recordId() + "/" + evidenceHash,
            TOUCH_KIND,
            touch.origin().code(),
            touch.noticedAt(),
            Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
            json,
            null));
  }

  /**
   * Every record again (an index rebuild, or {@link #lookBackOver} after the area changed): each
   * touch not told yet is told now; what was told is not told again (the notified marks).
   */
  @Override
  public void rebuilt(Iterable<LinkRecord> all) {
    AreaModel a = area;
    if (a == null) {
      return;
    }
    long seen = 0;
    for (LinkRecord r : all) {
      check(a, r.document());
      seen++;
    }
    LOG.info("area looked back bureau={} version={} records={}", a.bureau(), a.version(), seen);
  }

  @Override
  public void deleted(String id, long version) {}

  @Override
  public void committed(String checkpoint) {}

  /** The bureau of this node (for routes). */
  public BureauId bureau() {
    return trust.bureau();
  }

  private static AreaModel parse(SignedEnvelope env) {
    ObjectNode p = env.payload().deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, AreaModel.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored area unreadable", e);
    }
  }

  private static String write(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored touch unreadable", e);
    }
  }
}
