package io.liaison.node.cases;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.cases.CaseEvent;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.MajorCaseAlert;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.liaison.search.SearchDocument;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sharing this bureau's cases into the pool and taking in what other bureaus share.
 *
 * <p>A new case or a new version is signed (one envelope per version, chained by {@code prevHash}),
 * logged in the bureau's audit chain and committed to the durable store in one transaction on the
 * store thread, then put on the grid ({@code liaison.cases}); only then is it acknowledged. Every
 * node verifies what it reads from the grid: a value that fails is quarantined and, where this node
 * holds a verified copy, the grid entry is put back. Stored changes are announced on the event feed
 * ({@value #SHARED}, {@value #UPDATED}), which is also what wakes the search indexer.
 *
 * <p>Taking in what the grid shows is {@link CaseIntake}'s job (in batches); it stores each record
 * with this class's {@link #apply}, the same version and chain checks as the sharing path.
 */
public final class CaseService {
  private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
  public static final String SHARED = "case.shared";
  public static final String UPDATED = "case.updated";

  /**
   * A shared case reached the agreed major-case value (大要案, reported upward at once; 协作约定's value
   * in force, else 5万元): told on every node's feed when it stores the first version at or above the
   * value, and kept for the supervisor ({@code GET /api/v1/major-cases}).
   */
  public static final String MAJOR = "case.major";

  /** 5万元 in fen: a major case (大要案) when the bureaus have agreed no other value. */
  public static final long MAJOR_FEN = 5_000_000L;

  private final Vertx vertx;
  private final LongSupplier majorFen;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> map;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final Clock clock;

  private final CaseIntake intake;

  public CaseService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      EventFeed feed,
      Quarantine quarantine,
      LongSupplier majorFen,
      Clock clock,
      MeterRegistry metrics) {
    this.vertx = vertx;
    this.majorFen = majorFen;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.map = grid;
    this.intake =
        new CaseIntake(grid.getName(), store, trust, feed, quarantine, metrics, this::apply);
    this.grid =
        new GridReconciler(vertx, store, grid, SharedCase.KIND, intake.batches(), quarantine);
    intake.reconciler(this.grid);
    this.feed = feed;
    this.quarantine = quarantine;
    this.clock = clock;
  }

  /** Anti-entropy of the cases map. */
  public GridReconciler reconciler() {
    return grid;
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  Vertx vertx() {
    return vertx;
  }

  /** What a store transaction stored: the record kept and the feed events of what is new. */
  private record Applied(SharedCase record, List<StoredEvent> events) {}

  /** Shares a new case of this bureau as version 1; 409 if it is shared already. */
  public Future<CaseView> share(CaseRecord draft) {
    requireOwn(draft);
    CaseRecord c = CaseInput.withVersion(draft, 1);
    String id = SharedCase.idOf(c);
    return store
        .transaction(
            s -> {
              if (s.record(id).isPresent()) {
                throw new Conflict(
                    "case-exists",
                    "case "
                        + c.caseNumber()
                        + " is shared already; PUT /api/v1/cases/{caseNumber} adds a version");
              }
              Instant now = now();
              SharedCase rec =
                  SharedCase.first(trust.sign(SharedCase.payload(c), Hashes.GENESIS, now));
              return new Applied(rec, apply(s, rec));
            })
        .compose(this::publish);
  }

  /**
   * Shares a new version of a case of this bureau. The node numbers it (current + 1); a client that
   * gives {@code version} gets 409 unless it is exactly that (optimistic concurrency).
   */
  public Future<CaseView> update(CaseRecord next, boolean versionGiven) {
    requireOwn(next);
    String id = SharedCase.idOf(next);
    return store
        .transaction(
            s -> {
              SharedCase cur =
                  s.record(id)
                      .map(r -> SharedCase.parse(id, r.body()))
                      .orElseThrow(
                          () ->
                              new NotFound(
                                  "no case "
                                      + next.caseNumber()
                                      + "; POST /api/v1/cases shares it"));
              long expected = cur.versions().size() + 1L;
              if (versionGiven && next.version() != expected) {
                throw new Conflict(
                    "stale-version",
                    "the next version of "
                        + next.caseNumber()
                        + " is "
                        + expected
                        + ", not "
                        + next.version());
              }
              CaseRecord c = CaseInput.withVersion(next, expected);
              SharedCase rec =
                  cur.append(trust.sign(SharedCase.payload(c), cur.last().hash(), now()));
              return new Applied(rec, apply(s, rec));
            })
        .compose(this::publish);
  }

  /** What {@link #shareBatch} did: the cases it stored and those shared already (skipped). */
  public record BatchShared(int stored, int skipped) {}

  /**
   * Signs a new case of this bureau as version 1. Reads nothing of the store, so a bulk import
   * signs off the store thread while the batch before is committed.
   */
  public SharedCase signNew(CaseRecord draft) {
    requireOwn(draft);
    CaseRecord c = CaseInput.withVersion(draft, 1);
    return SharedCase.first(trust.sign(SharedCase.payload(c), Hashes.GENESIS, now()));
  }

  /**
   * Shares new cases signed by {@link #signNew} the way {@link #share} shares one, a batch at a
   * time: one store transaction for the batch (a case whose number is shared already is skipped,
   * never shared twice), {@code also} run in that same transaction with what was stored, then one
   * {@code putAll} on the grid, then the feed.
   */
  public Future<BatchShared> shareBatch(
      List<SharedCase> batch, BiConsumer<Store, BatchShared> also) {
    record Committed(Map<String, String> values, List<StoredEvent> events, BatchShared done) {}
    return store
        .transaction(
            s -> {
              Map<String, String> values = new LinkedHashMap<>();
              List<StoredEvent> events = new ArrayList<>();
              int skipped = 0;
              for (SharedCase rec : batch) {
                if (values.containsKey(rec.id()) || s.record(rec.id()).isPresent()) {
                  skipped++;
                  continue;
                }
                events.addAll(apply(s, rec));
                values.put(rec.id(), rec.json());
              }
              BatchShared done = new BatchShared(values.size(), skipped);
              also.accept(s, done);
              return new Committed(values, events, done);
            })
        .compose(
            c ->
                Future.fromCompletionStage(map.setAllAsync(c.values()))
                    .map(
                        v -> {
                          c.events().forEach(feed::publish);
                          LOG.info(
                              "cases shared in a batch bureau={} stored={} skipped={}",
                              trust.bureau(),
                              c.done().stored(),
                              c.done().skipped());
                          return c.done();
                        }));
  }

  /** Puts a committed record on the grid, then tells connected officers. */
  private Future<CaseView> publish(Applied a) {
    SharedCase rec = a.record();
    return Future.fromCompletionStage(map.setAsync(rec.id(), rec.json()))
        .map(
            v -> {
              a.events().forEach(feed::publish);
              LOG.info(
                  "case shared case={} bureau={} version={}",
                  rec.id(),
                  trust.bureau(),
                  rec.versions().size());
              return CaseView.of(rec);
            });
  }

  /**
   * The case with pool id {@code id} ({@code case:<bureau>:<number>}), or this bureau's case with
   * that case number.
   */
  public Future<CaseView> get(String idOrNumber) {
    String id = poolId(idOrNumber);
    return store
        .call(s -> s.record(id))
        .map(
            r ->
                r.filter(x -> x.kind().equals(SharedCase.KIND))
                    .map(x -> CaseView.of(SharedCase.parse(id, x.body())))
                    .orElseThrow(() -> new NotFound("no case " + idOrNumber)));
  }

  private String poolId(String idOrNumber) {
    if (idOrNumber.startsWith("case:")) {
      return idOrNumber;
    }
    try {
      return SearchDocument.caseId(trust.bureau(), CaseNumber.of(idOrNumber));
    } catch (IllegalArgumentException e) {
      throw new NotFound("no case " + idOrNumber);
    }
  }

  /**
   * Takes a value seen on the grid (listener or reconciliation) through the batching intake: with
   * the values that arrive with it, verified, stored in one transaction, a bad one quarantined on
   * its own (see {@link CaseIntake}).
   */
  public Future<Boolean> receive(String key, String json) {
    return intake.batches().apply(key, json);
  }

  /** Stops the intake's thread (node stop). */
  public void stop() {
    intake.stop();
  }

  /**
   * Stores {@code rec} if it is new or continues the stored copy and returns the feed events of
   * what is new. Two different histories of one case (only after a bureau restored an old store and
   * signed again) are resolved the same way on every node: more versions win, then the lower hash
   * of the first version where they differ. Runs on the store thread, inside a transaction.
   */
  List<StoredEvent> apply(Store s, SharedCase rec) {
    String id = rec.id();
    Optional<SharedCase> stored = s.record(id).map(r -> SharedCase.parse(id, r.body()));
    SharedCase old = stored.orElse(null);
    if (old != null && (old.hash().equals(rec.hash()) || rec.isPrefixOf(old))) {
      return List.of();
    }
    int from = old == null ? 0 : old.envelopes().size();
    if (old != null && !old.isPrefixOf(rec)) {
      int d = 0;
      while (old.envelopes().get(d).signature().equals(rec.envelopes().get(d).signature())) {
        d++;
      }
      boolean keepOld =
          old.envelopes().size() != rec.envelopes().size()
              ? old.envelopes().size() > rec.envelopes().size()
              : old.envelopes().get(d).hash().compareTo(rec.envelopes().get(d).hash()) < 0;
      LOG.warn(
          "case history forked case={} at version={} kept={}",
          id,
          d + 1,
          keepOld ? "stored" : "received");
      if (keepOld) {
        return List.of();
      }
      from = d;
    }
    s.putRecord(rec.stored());
    for (int i = from; i < rec.envelopes().size(); i++) {
      SignedEnvelope env = rec.envelopes().get(i);
      if (env.signer().equals(trust.bureau()) && !s.chainHas(env.hash())) {
        audit.append(s, "case/" + id, env, now());
      }
    }
    CaseRecord c = rec.current();
    CaseEvent data =
        new CaseEvent(id, c.caseNumber(), c.bureau(), c.version(), c.category(), c.disposition());
    List<StoredEvent> events = new ArrayList<>();
    events.add(feed.append(s, old == null ? SHARED : UPDATED, id, null, data));
    long limit = majorFen.getAsLong();
    if (c.valueFen() >= limit && (old == null || old.current().valueFen() < limit)) {
      MajorCaseAlert major =
          new MajorCaseAlert(
              id,
              c.caseNumber(),
              c.bureau(),
              c.version(),
              c.category(),
              c.disposition(),
              c.valueFen(),
              limit,
              c.filedOn());
      events.add(feed.append(s, MAJOR, id, null, major));
    }
    return events;
  }

  /** The major-case alerts this node told (newest first): what the supervisor reads. */
  public Future<MajorCaseAlert.Page> majorAlerts(int limit) {
    return store.call(
        s -> {
          List<MajorCaseAlert> out = new ArrayList<>();
          for (String data : s.eventData(MAJOR, limit)) {
            try {
              out.add(Json.mapper().readValue(data, MajorCaseAlert.class));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return new MajorCaseAlert.Page(out);
        });
  }

  private void requireOwn(CaseRecord c) {
    if (!c.bureau().equals(trust.bureau())) {
      throw new Refused(
          "not-own-bureau",
          "Not allowed for this bureau",
          "a node shares the cases of its own bureau (" + trust.bureau() + ") only",
          "/bureau");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
