package io.liaison.node.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.api.lead.TransitionView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.events.EventFeed;
import io.liaison.node.http.ApiException;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posting leads, changing their state, and taking in what other nodes share.
 *
 * <p>A post is signed, committed to the durable store (with its audit-chain entry and feed event)
 * and then put on the grid; only then is it acknowledged. A transition is signed against the lead's
 * current head and appended atomically on the partition owner by {@link TransitionProcessor}, then
 * committed locally before it is acknowledged. Every value read from the grid is verified; what
 * fails is quarantined and, where this node holds a verified copy, the grid is repaired.
 */
public final class LeadService {
  private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);
  private static final int MAX_ATTEMPTS = 4;
  public static final String CONFLICT = "lead.conflict";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final LeadSealing sealing;
  private final IMap<String, String> grid;
  private final IMap<String, String> superseded;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final io.liaison.node.cluster.Quorum quorum;
  private final Map<String, Future<LeadView>> inflight = new ConcurrentHashMap<>();
  // the last transition request of each lead on this node: the next one waits for it (see lane)
  private final Map<String, Future<LeadView>> lanes = new ConcurrentHashMap<>();
  // per lead with requests in its lane: the newest state a request saw on the grid (see Seen)
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  // lead id → content hash of a value this node's entry processor made and is now committing
  private final Map<String, String> settling = new ConcurrentHashMap<>();
  private final io.liaison.node.cluster.GridReconciler reconciler;

  public LeadService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      IMap<String, String> superseded,
      EventFeed feed,
      Quarantine quarantine,
      MeterRegistry metrics,
      io.liaison.node.cluster.Quorum quorum,
      Clock clock) {
    this.vertx = vertx;
    this.quorum = quorum;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.sealing = new LeadSealing(trust);
    this.grid = grid;
    this.superseded = superseded;
    this.feed = feed;
    this.quarantine = quarantine;
    this.metrics = metrics;
    this.clock = clock;
    this.reconciler =
        new io.liaison.node.cluster.GridReconciler(
            vertx, store, grid, LeadRecord.KIND, this::receive, quarantine);
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  /** Anti-entropy of the leads map. */
  public io.liaison.node.cluster.GridReconciler reconciler() {
    return reconciler;
  }

  /** Validates, signs, stores durably, shares on the grid; completes when all of that is done. */
  public Future<LeadView> post(LeadDraft draft) {
    for (int i = 0; i < draft.targetBureaus().size(); i++) {
      requireMember(draft.targetBureaus().get(i), "/targetBureaus/" + i);
    }
    Instant now = now();
    if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
      throw ApiException.unprocessable(
          "invalid-field", "expiresAt must be in the future", "/expiresAt");
    }
    Lead lead = Lead.from(LeadIds.next(trust.bureau(), now), trust.bureau(), now, draft);
    SignedEnvelope env = trust.sign(sealing.postPayload(lead, now), Hashes.GENESIS, now);
    LeadRecord rec = LeadRecord.ofPosted(env);
    return store
        .transaction(s -> apply(s, rec))
        .compose(
            events ->
                blocking(
                    () -> {
                      grid.set(lead.id(), rec.json());
                      return events;
                    }))
        .map(
            events -> {
              events.forEach(feed::publish);
              LOG.info(
                  "lead posted lead={} bureau={} officer={}",
                  lead.id(),
                  trust.bureau(),
                  lead.officer());
              return sealing.view(rec);
            });
  }

  /**
   * Fires {@code request} on lead {@code id} for this node's bureau. With an idempotency key, a
   * retried request returns the first request's result instead of acting twice.
   */
  public Future<LeadView> transition(String id, TransitionRequest request, String idempotencyKey) {
    if (!LeadIds.isValid(id)) {
      return Future.failedFuture(ApiException.notFound("no lead " + id));
    }
    if (request.event() == LeadEvent.OFFER_HANDOVER) {
      requireMember(request.to(), "/to");
    }
    if ((request.event() == LeadEvent.CLAIM || request.event() == LeadEvent.ACCEPT_HANDOVER)
        && !quorum.has()) {
      return Future.failedFuture(
          new ApiException(
              Problem.of(
                  "no-majority",
                  "Cluster majority not reachable",
                  503,
                  request.event()
                      + " needs a majority of the cluster ("
                      + quorum.needed()
                      + " members); this node sees "
                      + quorum.present()
                      + ". Try again when the link is back.",
                  null)));
    }
    long arrived = System.nanoTime();
    if (idempotencyKey == null) {
      return lane(id, () -> attempt(new Try(id, request, null, arrived), 1));
    }
    String key = trust.bureau() + ":" + idempotencyKey;
    return inflight.computeIfAbsent(
        key,
        k ->
            lane(
                    id,
                    () ->
                        store
                            .call(s -> s.idempotent(k))
                            .compose(
                                prior ->
                                    prior.isPresent()
                                        ? Future.succeededFuture(readView(prior.get()[1]))
                                        : attempt(new Try(id, request, k, arrived), 1)))
                .onComplete(ar -> inflight.remove(k)));
  }

  /**
   * Runs {@code work} once the lead's previous transition request on this node has finished. When
   * several officers of a bureau act on one lead at once (a new lead, everyone clicks "claim"), the
   * first goes to the grid and the others then find the outcome in the store and are answered from
   * it (e.g. 409 "claimed by …") without signing or a grid call; on the partition owner the entry
   * processor still decides between bureaus.
   */
  private Future<LeadView> lane(String id, java.util.function.Supplier<Future<LeadView>> work) {
    Context ctx = vertx.getOrCreateContext();
    Promise<LeadView> done = Promise.promise();
    Future<LeadView> mine = done.future();
    Future<?>[] before = new Future<?>[1];
    lanes.compute(
        id,
        (k, prev) -> {
          before[0] = prev;
          return mine;
        });
    Runnable run =
        () ->
            ctx.runOnContext(
                v -> {
                  try {
                    work.get().onComplete(done);
                  } catch (RuntimeException e) {
                    done.fail(e);
                  }
                });
    if (before[0] == null) {
      run.run();
    } else {
      before[0].onComplete(ar -> run.run());
    }
    mine.onComplete(
        ar -> {
          if (lanes.remove(id, mine)) {
            seen.remove(id); // nobody waits: a later request asks the grid itself
          }
        });
    return mine;
  }

  /** One transition request: the lead, the request, its idempotency key, when it came in. */
  private record Try(String id, TransitionRequest req, String idemKey, long arrived) {}

  /**
   * A lead's state as a request of this node saw it on the grid (an entry processor's answer or a
   * read), sent at {@code sentAt} (System.nanoTime), and taken into the store before that request
   * finished. A request that was waiting in the lane when that grid call was sent may be refused on
   * this state without asking the grid again: the state held at a moment between the request's
   * arrival and its answer, so the refusal is as if the request had been decided then.
   */
  private record Seen(long sentAt, LeadRecord rec) {}

  private void saw(String id, long sentAt, LeadRecord rec) {
    seen.merge(id, new Seen(sentAt, rec), (a, b) -> b.sentAt() - a.sentAt() >= 0 ? b : a);
  }

  private Future<LeadView> attempt(Try t, int n) {
    String id = t.id();
    TransitionRequest req = t.req();
    Seen s = n == 1 ? seen.get(id) : null;
    if (s != null && s.sentAt() - t.arrived() >= 0) {
      // a request ahead in the lane saw the grid after this one came in: refuse on what it saw
      ApiException no = refusal(s.rec(), req, now());
      if (no != null) {
        return Future.failedFuture(no);
      }
    }
    return current(id)
        .compose(
            rec -> {
              Instant now = now();
              // refuse early what the lifecycle refuses anyway, without signing or an entry
              // processor; but first make sure this node's copy is not a moment behind the grid's
              // (another bureau's transition not taken in yet), which may allow the event
              ApiException no = refusal(rec, req, now);
              if (no != null) {
                if (n > 1) {
                  return Future.failedFuture(no);
                }
                long sent = System.nanoTime();
                return gridValue(id)
                    .compose(
                        v -> {
                          if (v == null || v.equals(rec.json())) {
                            if (v != null) {
                              saw(id, sent, rec);
                            }
                            return Future.failedFuture(no);
                          }
                          if (!(v instanceof String text)) {
                            // not a lead at all: refused on the verified copy; the grid repaired
                            reconciler.foreign(id, v);
                            return Future.failedFuture(no);
                          }
                          return receive(id, text).compose(x -> attempt(t, n + 1));
                        });
              }
              SignedEnvelope env =
                  trust.sign(
                      sealing.transitionPayload(rec.lead(), req, now),
                      rec.status().lastHash(),
                      now);
              long sent = System.nanoTime();
              return decide(id, new TransitionProcessor(env))
                  .compose(answer -> settle(t, n, sent, answer));
            });
  }

  /** The answer the lifecycle gives this node's bureau for {@code req} on {@code rec}, or null. */
  private ApiException refusal(LeadRecord rec, TransitionRequest req, Instant at) {
    try {
      LeadLifecycle.apply(rec.lead(), rec.status(), new Transition(trust.bureau(), at, req), "");
      return null;
    } catch (TransitionRefused r) {
      return refused(r.kind().name(), r.getMessage(), rec);
    }
  }

  private Future<LeadView> settle(Try t, int n, long sent, String answer) {
    String id = t.id();
    TransitionRequest req = t.req();
    String idemKey = t.idemKey();
    JsonNode a;
    try {
      a = Json.mapper().readTree(answer);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Future.failedFuture(new IllegalStateException("unreadable processor answer", e));
    }
    String result = a.path("result").asText();
    switch (result) {
      case "OK" -> {
        String value = a.get("value").asText();
        LeadRecord next = LeadRecord.parse(id, value);
        LeadView view = sealing.view(next);
        // the grid's event for this value, arriving meanwhile, need not be verified and stored
        // again (see receive); should the commit fail, the value is taken in as any other
        String hash = LeadRecord.hashOf(value);
        settling.put(id, hash);
        return store
            .transaction(
                s -> {
                  List<StoredEvent> events = apply(s, next);
                  if (idemKey != null) {
                    s.rememberIdempotent(idemKey, 200, LeadService.json(view));
                  }
                  return new Applied(events, s.record(id).map(r -> r.body()).orElse(null));
                })
            .onComplete(
                ar -> {
                  settling.remove(id, hash);
                  if (ar.failed()) {
                    LOG.warn(
                        "lead transition not committed lead={}: {}", id, ar.cause().toString());
                    receive(id, value)
                        .onFailure(
                            e -> LOG.warn("lead not taken in lead={}: {}", id, e.toString()));
                  }
                })
            // what the skipped echo would have done: share a conflict, repair the grid
            .compose(applied -> followUp(id, value, applied).map(applied.events()))
            .map(
                events -> {
                  events.forEach(feed::publish);
                  saw(id, sent, next);
                  LOG.info(
                      "lead transition lead={} event={} bureau={} officer={} state={}",
                      id,
                      req.event(),
                      trust.bureau(),
                      req.officer(),
                      next.status().state());
                  return view;
                });
      }
      case "STALE" -> {
        if (n >= MAX_ATTEMPTS) {
          return Future.failedFuture(
              ApiException.conflict("concurrent-change", "the lead kept changing; try again"));
        }
        return receive(id, a.get("value").asText()).compose(v -> attempt(t, n + 1));
      }
      case "REFUSED" -> {
        if (!a.has("value")) {
          // the transition itself: this node's signature is not trusted by the owner's roster
          LOG.warn(
              "lead transition refused by the partition owner lead={} kind={}",
              id,
              a.path("kind").asText());
          return Future.failedFuture(
              unavailable(
                  "roster-mismatch",
                  "the partition owner does not accept this bureau's signature; the rosters of"
                      + " the nodes differ. Try again in a moment."));
        }
        // take in the state that refused us (unless this node has it already); the 409 is built
        // from this node's verified copy of exactly that state, never from the owner's text
        String value = a.get("value").asText();
        return receive(id, value)
            .compose(v -> store.committedRecord(id))
            .compose(
                local -> {
                  if (local.isPresent() && local.get().hash().equals(LeadRecord.hashOf(value))) {
                    LeadRecord cur = LeadRecord.parse(id, local.get().body());
                    ApiException no = refusal(cur, req, now());
                    if (no != null) {
                      saw(id, sent, cur);
                      return Future.failedFuture(no);
                    }
                  }
                  // the store did not take that state in (it did not verify) or holds another
                  return again(t, n, sent, "the lead's grid value kept changing");
                });
      }
      case "BEHIND", "UNVERIFIED" -> {
        // the owner did not decide: the grid holds an older state than this node's, or one that
        // does not verify; take it in (quarantined and repaired from the store's copy) and retry
        LOG.info("lead transition not decided lead={} grid={}", id, result);
        Future<?> repaired =
            a.has("value")
                ? receive(id, a.get("value").asText())
                : gridValue(id).compose(v -> reconciler.foreign(id, v));
        return repaired.compose(
            v ->
                again(
                    t,
                    n,
                    sent,
                    "BEHIND".equals(result)
                        ? "the grid holds an older state of the lead than this node"
                        : "the grid's copy of the lead does not verify"));
      }
      case "NOT_FOUND" -> {
        // the grid lacks the lead (the put-back after a full-cluster restart has not reached it,
        // or it went with failed members): put the store's copy back, as the put-back would
        // (unless someone did meanwhile), and try again
        if (n >= MAX_ATTEMPTS) {
          return Future.failedFuture(ApiException.notFound("no lead " + id + " on the grid"));
        }
        return reconciler
            .restore(id)
            .compose(
                held ->
                    held
                        ? attempt(t, n + 1)
                        : Future.failedFuture(ApiException.notFound("no lead " + id)));
      }
      default -> {
        return Future.failedFuture(new IllegalStateException("unknown processor answer " + result));
      }
    }
  }

  /**
   * Asks again after a repair; after {@link #MAX_ATTEMPTS} a typed 503 with {@code why}: the grid
   * could not be brought to a verified state the partition owner decides on.
   */
  private Future<LeadView> again(Try t, int n, long sent, String why) {
    if (n >= MAX_ATTEMPTS) {
      LOG.warn("lead transition given up lead={} attempts={}: {}", t.id(), n, why);
      return Future.failedFuture(
          unavailable(
              "grid-unverified",
              why + "; it is being repaired from the bureaus' verified copies. Try again."));
    }
    return attempt(t, n + 1);
  }

  /** How long a transition waits on the grid before a lock someone holds on its key is broken. */
  static final long LOCK_PATIENCE_MS = 500;

  /** How long a transition waits on the grid in all before it is answered 503. */
  static final long GRID_PATIENCE_MS = 5_000;

  /**
   * Sends the processor to the lead's partition owner, time-bounded. Our nodes never lock a lead's
   * key, but anyone on the cluster link can, and a locked key holds an entry processor until the
   * lock is released (a lease of any length): after {@link #LOCK_PATIENCE_MS} a lock found on the
   * key is broken ({@code forceUnlock}, logged) and the same processor goes on; after {@link
   * #GRID_PATIENCE_MS} in all the request is answered 503 {@code grid-timeout}. The processor may
   * still run later; the node then takes its value in from the grid as any other.
   */
  private Future<String> decide(String id, TransitionProcessor p) {
    Context ctx = vertx.getOrCreateContext();
    java.util.concurrent.CompletableFuture<String> f =
        grid.submitToKey(id, p).toCompletableFuture();
    Promise<String> out = Promise.promise();
    Future.fromCompletionStage(f, ctx)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                out.tryComplete(ar.result());
              } else {
                out.tryFail(ar.cause());
              }
            });
    vertx.setTimer(
        LOCK_PATIENCE_MS,
        x -> {
          if (f.isDone()) {
            return;
          }
          blocking(
                  () -> {
                    if (grid.isLocked(id)) {
                      grid.forceUnlock(id);
                      return true;
                    }
                    return false;
                  })
              .onSuccess(
                  broken -> {
                    if (broken) {
                      metrics.counter("liaison.grid.locks.broken").increment();
                      LOG.warn("a lock on a lead's grid key held a transition; broken lead={}", id);
                    }
                  });
        });
    vertx.setTimer(
        GRID_PATIENCE_MS,
        x -> {
          if (!f.isDone()) {
            metrics.counter("liaison.grid.timeouts", "op", "transition").increment();
            LOG.warn(
                "lead transition timed out on the grid lead={} after {} ms", id, GRID_PATIENCE_MS);
            out.tryFail(
                unavailable(
                    "grid-timeout",
                    "the lead's partition owner did not answer within "
                        + GRID_PATIENCE_MS
                        + " ms; the transition may still take effect. Check the lead, then try"
                        + " again."));
          }
        });
    return out.future();
  }

  private static ApiException unavailable(String type, String detail) {
    return new ApiException(Problem.of(type, "Grid not available", 503, detail, null));
  }

  /** The grid's value of a lead as it is: a String, anything else an outsider put, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Future<Object> gridValue(String id) {
    IMap<String, Object> raw = (IMap) grid;
    return blocking(() -> raw.get(id));
  }

  /** The lead's record: the local verified copy, or the grid's (verified and taken in). */
  private Future<LeadRecord> current(String id) {
    return store
        .committedRecord(id)
        .compose(
            local -> {
              if (local.isPresent()) {
                return Future.succeededFuture(LeadRecord.parse(id, local.get().body()));
              }
              return gridValue(id)
                  .compose(
                      raw -> {
                        if (!(raw instanceof String v)) {
                          if (raw != null) {
                            reconciler.foreign(id, raw);
                          }
                          return Future.failedFuture(ApiException.notFound("no lead " + id));
                        }
                        return receive(id, v)
                            .compose(
                                ok ->
                                    store
                                        .committedRecord(id)
                                        .map(
                                            r ->
                                                LeadRecord.parse(
                                                    id,
                                                    r.orElseThrow(
                                                            () ->
                                                                ApiException.notFound(
                                                                    "no valid lead " + id))
                                                        .body())));
                      });
            });
  }

  /**
   * Takes a value seen on the grid (listener or reconciliation): verifies it, stores it if it is
   * new or extends what the store holds, and tells connected officers. A value that fails
   * verification is quarantined; a value older than the local copy is replaced on the grid.
   */
  public Future<Boolean> receive(String key, String json) {
    String hash = LeadRecord.hashOf(json);
    if (store.known().holds(key, hash) || hash.equals(settling.get(key))) {
      // committed just now, or being committed by this node's own transition: nothing to verify,
      // store or repair
      return Future.succeededFuture(false);
    }
    LeadRecord.Result result = LeadRecord.verify(key, json, trust);
    if (result instanceof LeadRecord.Result.Rejected rej) {
      return quarantine
          .add("lead/" + key, rej.reason(), rej.detail(), json)
          .compose(v -> repair(key, json))
          .map(false);
    }
    LeadRecord rec = ((LeadRecord.Result.Accepted) result).record();
    try {
      sealing.readable(rec); // a recipient checks that what was sealed to it opens and matches
    } catch (RuntimeException e) {
      return quarantine.add("lead/" + key, "SEALED", e.getMessage(), json).map(false);
    }
    return store
        .transaction(s -> new Applied(apply(s, rec), s.record(key).map(r -> r.body()).orElse(null)))
        .compose(
            applied -> {
              List<StoredEvent> events = applied.events();
              events.forEach(feed::publish);
              if (!events.isEmpty()) {
                LOG.info(
                    "lead received lead={} origin={} state={} by={}",
                    key,
                    rec.lead().originBureau(),
                    rec.status().state(),
                    trust.bureau());
              }
              return followUp(key, json, applied).map(!events.isEmpty());
            });
  }

  /**
   * After a value from the grid ({@code json}) was applied: shares the superseded side of a
   * conflict, and if the store kept another copy (newer, or the winner of a conflict), fixes the
   * grid.
   */
  private Future<Void> followUp(String key, String json, Applied applied) {
    Future<Void> shared =
        applied.events().stream().anyMatch(e -> e.type().equals(CONFLICT))
            ? shareSuperseded(key)
            : Future.succeededFuture();
    return shared.compose(v -> reconciler.putBack(key, json, applied.kept()));
  }

  /** What {@link #apply} made of a received value, and the copy the store holds afterwards. */
  private record Applied(List<StoredEvent> events, String kept) {}

  /**
   * Stores {@code rec} if it is new or continues the stored copy; returns the feed events of what
   * is new. Own envelopes the audit chain does not account for yet are chained here, so a crash
   * between the grid and the store cannot leave an effective envelope out of the chain. Runs on the
   * store thread, inside a transaction.
   */
  private List<StoredEvent> apply(Store s, LeadRecord rec) {
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
        record(rec, t);
        events.add(
            feed.append(
                s,
                LeadViews.eventType(t),
                id,
                LeadViews.audience(rec, t).code(),
                withContacts(s, LeadViews.eventData(rec, t, title(rec)), t.bureau())));
      }
    }
    return events;
  }

  /** Adds who to call at the acting bureau, from its signed liaison directory. */
  private static Map<String, Object> withContacts(Store s, Map<String, Object> data, BureauId b) {
    var contacts = io.liaison.node.directory.DirectoryService.contacts(s, b);
    if (!contacts.isEmpty()) {
      data.put("contacts", contacts);
    }
    return data;
  }

  private String title(LeadRecord rec) {
    Lead readable = sealing.readable(rec);
    return readable == null ? null : readable.title();
  }

  private void record(LeadRecord rec, TransitionView t) {
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

  /** Puts the lead's superseded envelopes on the grid so that every bureau learns of them. */
  private Future<Void> shareSuperseded(String id) {
    return store
        .call(s -> s.superseded(id))
        .compose(
            list ->
                blocking(
                    () -> {
                      for (String env : list) {
                        SignedEnvelope e =
                            SignedEnvelope.fromJson(env.getBytes(StandardCharsets.UTF_8));
                        superseded.putIfAbsent(e.hash(), env);
                      }
                      return null;
                    }));
  }

  /**
   * Takes a superseded transition shared by another node: verified, kept, and told to this node's
   * officers once (the bureau whose transition won is told too, not only the one that lost).
   */
  public Future<Boolean> receiveSuperseded(String hash, String json) {
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return quarantine.add("superseded/" + hash, "MALFORMED", "not an envelope", json).map(false);
    }
    if (!env.hash().equals(hash) || !trust.verify(env).isValid()) {
      return quarantine
          .add("superseded/" + hash, "BAD_SIGNATURE", "does not verify", json)
          .map(false);
    }
    String id = env.payload().path("leadId").asText();
    if (!LeadIds.isValid(id)) {
      return quarantine.add("superseded/" + hash, "MALFORMED", "no lead id", json).map(false);
    }
    return store
        .transaction(
            s -> {
              NotOff off = offTheKeptHistory(s, id, env);
              if (off != null) {
                LOG.warn("superseded transition refused lead={} hash={}: {}", id, hash, off.why());
                if (off.falseClaim()) {
                  quarantine.add("superseded/" + hash, "NOT_SUPERSEDED", off.why(), json);
                }
                return java.util.Optional.<StoredEvent>empty();
              }
              if (!s.supersede(id, env)) {
                return java.util.Optional.<StoredEvent>empty();
              }
              java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
              data.put("leadId", id);
              data.put("superseded", List.of(env.payload().path("transition")));
              data.put("supersededBureau", env.signer());
              s.record(id)
                  .map(r -> LeadRecord.parse(id, r.body()))
                  .ifPresent(
                      r -> {
                        data.put("state", r.status().state());
                        if (r.status().owner() != null) {
                          data.put("owner", r.status().owner());
                        }
                      });
              return java.util.Optional.of(feed.append(s, CONFLICT, id, null, data));
            })
        .map(
            ev -> {
              ev.ifPresent(feed::publish);
              return ev.isPresent();
            });
  }

  /**
   * Null if {@code env} provably lost a fork of the history this node keeps of lead {@code id}: it
   * is not in that history, and either it branches off it where the kept branch's envelope wins
   * ({@link Forks}), or it continues a transition already known as superseded. Else why not: a
   * transition of the kept history, one that would continue it, or one this node cannot place (it
   * does not hold the lead, or not the branch yet, and resolves the fork itself when it gets it) is
   * never recorded or told as superseded on another node's word. Store thread.
   */
  private static NotOff offTheKeptHistory(Store s, String id, SignedEnvelope env) {
    LeadRecord kept = s.record(id).map(r -> LeadRecord.parse(id, r.body())).orElse(null);
    if (kept == null) {
      return new NotOff("this node does not hold the lead", false);
    }
    List<SignedEnvelope> envs = kept.envelopes();
    for (int i = 0; i < envs.size(); i++) {
      if (envs.get(i).hash().equals(env.hash())) {
        return new NotOff("the transition is in the kept history", true);
      }
      if (envs.get(i).hash().equals(env.prevHash())) {
        if (i == envs.size() - 1) {
          return new NotOff("the transition continues the kept history", true);
        }
        return Forks.beats(envs.get(i + 1), env)
            ? null
            : new NotOff("the kept history's transition does not win over it", true);
      }
    }
    for (String other : s.superseded(id)) {
      if (SignedEnvelope.fromJson(other.getBytes(StandardCharsets.UTF_8))
          .hash()
          .equals(env.prevHash())) {
        return null;
      }
    }
    return new NotOff("it does not branch off the kept history this node holds", false);
  }

  /**
   * Why a shared transition is not recorded as superseded; {@code falseClaim}: it is a false claim
   * (quarantined), not one this node cannot place yet.
   */
  private record NotOff(String why, boolean falseClaim) {}

  private Future<Void> repair(String key, String badJson) {
    return reconciler.repair(key, badJson);
  }

  private void requireMember(BureauId bureau, String field) {
    if (!trust.isMember(bureau)) {
      throw ApiException.unprocessable(
          "unknown-bureau", "bureau " + bureau + " is not a member of the roster", field);
    }
  }

  private static ApiException refused(String kind, String message, LeadRecord current) {
    boolean forbidden = "FORBIDDEN".equals(kind);
    Problem p =
        new Problem(
            java.net.URI.create(
                Problem.TYPE_BASE + (forbidden ? "transition-forbidden" : "illegal-transition")),
            forbidden ? "Not allowed for this bureau" : "Illegal state transition",
            forbidden ? 403 : 409,
            message
                + (current == null
                    ? ""
                    : " [state "
                        + current.status().state()
                        + ", version "
                        + current.status().version()
                        + "]"),
            null,
            List.of());
    return new ApiException(p);
  }

  private LeadView readView(String json) {
    try {
      return Json.mapper().readValue(json, LeadView.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored response unreadable", e);
    }
  }

  private <T> Future<T> blocking(java.util.concurrent.Callable<T> c) {
    return vertx.executeBlocking(c, false);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  StoreExecutor store() {
    return store;
  }

  TrustService trust() {
    return trust;
  }

  public LeadSealing sealing() {
    return sealing;
  }
}
