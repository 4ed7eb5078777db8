package io.liaison.node.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanStepEvent;
import io.liaison.api.action.StepRequest;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.PutIfAbsentProcessor;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.DomainException;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.RecordFacts;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joint-operation plans: writing a step (sign with this bureau's key, append on the partition owner
 * with {@link StepProcessor}, take the new value in) and taking in what the grid holds (verify
 * every envelope, store, chain this bureau's own steps into its audit log, tell this bureau's
 * officers if it takes part, check deconfliction). Each part is one short {@code Future} stage; the
 * owner decides, this node only asks and takes in the answer.
 */
public final class ActionService {
  private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

  /** How often a step is signed again on a newer head before giving up with 409. */
  private static final int ATTEMPTS = 4;

  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> map;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final PlanSealing sealing;
  private final Deconfliction deconfliction;
  private final Clock clock;

  public ActionService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> map,
      EventFeed feed,
      Quarantine quarantine,
      Deconfliction deconfliction,
      Clock clock) {
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.map = map;
    this.grid = new GridReconciler(vertx, store, map, PlanRecord.KIND, this::receive, quarantine);
    this.feed = feed;
    this.quarantine = quarantine;
    this.sealing = new PlanSealing(trust);
    this.deconfliction = deconfliction;
    this.clock = clock;
  }

  public GridReconciler reconciler() {
    return grid;
  }

  public PlanSealing sealing() {
    return sealing;
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  // ---- writing ----

  /** A new draft led by this bureau, version 1. */
  public Future<PlanRecord> create(String officer, PlanContent plan) {
    requireOwnLead(plan);
    String id = "act-" + UUID.randomUUID();
    Instant now = now();
    SignedEnvelope env =
        trust.sign(
            PlanSteps.version(id, PlanEvent.CREATE, officer, 1, plan, sealing, now),
            Hashes.GENESIS,
            now);
    PlanRecord rec = PlanRecord.create(id, env);
    return Future.fromCompletionStage(map.submitToKey(id, new PutIfAbsentProcessor(rec.json())))
        .compose(other -> take(id, rec.json()));
  }

  /** A new version of the plan; approvals of earlier versions no longer count. */
  public Future<PlanRecord> revise(String id, String officer, PlanContent plan) {
    requireOwnLead(plan);
    return append(
        id,
        (rec, at) ->
            PlanSteps.version(id, PlanEvent.REVISE, officer, rec.version() + 1, plan, sealing, at),
        ATTEMPTS);
  }

  /** One lifecycle step of this bureau. */
  public Future<PlanRecord> step(String id, StepRequest r) {
    return append(id, (rec, at) -> PlanSteps.step(rec, r, sealing, at), ATTEMPTS);
  }

  private void requireOwnLead(PlanContent plan) {
    if (!plan.leadBureau().equals(trust.bureau())) {
      throw new Invalid(
          "foreign-bureau",
          "a node writes plans led by its own bureau " + trust.bureau(),
          "/plan/leadBureau");
    }
  }

  /** Builds a step's payload from the plan as it is now; may throw a DomainException. */
  private interface Payload {
    ObjectNode of(PlanRecord rec, Instant at);
  }

  /**
   * Signs the step on the current head and has the partition owner append it; on {@code STALE}
   * (another bureau's step came first) reads again and signs again, at most {@code attempts} times.
   */
  private Future<PlanRecord> append(String id, Payload payload, int attempts) {
    return current(id)
        .map(
            rec -> {
              Instant at = now();
              SignedEnvelope env = trust.sign(payload.of(rec, at), rec.last().hash(), at);
              try {
                rec.append(env); // refuse here what the owner would refuse
              } catch (PlanRefused e) {
                throw refusal(e.kind().name(), e.getMessage());
              }
              return env;
            })
        .compose(env -> Future.fromCompletionStage(map.submitToKey(id, new StepProcessor(env))))
        .compose(
            a ->
                switch (a.result()) {
                  case OK -> take(id, a.value());
                  case STALE ->
                      attempts > 1
                          ? append(id, payload, attempts - 1)
                          : Future.failedFuture(
                              new Conflict("busy", "the plan kept changing; try again"));
                  case NOT_FOUND -> Future.failedFuture(new NotFound("no plan " + id));
                  case REFUSED -> Future.failedFuture(refusal(a.kind(), a.message()));
                });
  }

  private static DomainException refusal(String kind, String message) {
    return switch (kind) {
      case "NOT_PERMITTED" -> new Refused("not-permitted", "Not permitted", message);
      case "MALFORMED" -> new Invalid("malformed-step", message, null);
      case "STALE_VERSION" -> new Conflict("stale-version", message);
      case "DUPLICATE" -> new Conflict("already-done", message);
      default -> new Conflict("not-allowed", message);
    };
  }

  /** The plan as the grid holds it (else as the store does). */
  private Future<PlanRecord> current(String id) {
    return Future.fromCompletionStage(map.getAsync(id))
        .compose(
            v ->
                v != null
                    ? Future.succeededFuture(v)
                    : store.call(s -> s.record(id).map(StoredRecord::body).orElse(null)))
        .map(
            v -> {
              if (v == null) {
                throw new NotFound("no plan " + id);
              }
              return PlanRecord.parse(id, v);
            });
  }

  /** Takes in the value this node's step produced and answers with the record as stored. */
  private Future<PlanRecord> take(String id, String json) {
    return receive(id, json).compose(x -> record(id)).map(Optional::orElseThrow);
  }

  // ---- taking in ----

  /** Verifies a grid value and takes it in; quarantines and repairs what fails. */
  public Future<Boolean> receive(String key, String json) {
    PlanRecord rec;
    try {
      rec = verified(PlanRecord.parse(key, json), trust);
    } catch (PlanRefused e) {
      LOG.warn("plan refused key={} reason={}: {}", key, e.kind(), e.getMessage());
      return quarantine.refuse(grid, "action/", key, "BAD_PLAN", e.getMessage(), json);
    }
    return store
        .transaction(s -> commit(s, rec))
        .map(
            events -> {
              if (events == null) {
                return false;
              }
              events.forEach(feed::publish);
              deconfliction.planChanged(rec);
              return true;
            });
  }

  /**
   * The record if every step's signature verifies against the roster for the bureau it names (an
   * approval counts only as its bureau's valid signature); else a MALFORMED refusal.
   */
  public static PlanRecord verified(PlanRecord rec, TrustService trust) {
    for (SignedEnvelope e : rec.envelopes()) {
      if (!trust.verify(e).isValid()) {
        throw new PlanRefused(
            PlanRefused.Kind.MALFORMED,
            "the "
                + e.payload().path("event").asText()
                + " step of "
                + e.signer()
                + " does not verify");
      }
    }
    return rec;
  }

  /** Stores a verified record newer than the store's copy; null when it is not newer. */
  private List<StoredEvent> commit(Store s, PlanRecord rec) {
    int known = 0;
    Optional<StoredRecord> existing = s.record(rec.id());
    if (existing.isPresent()) {
      if (existing.get().hash().equals(rec.hash())) {
        return null;
      }
      PlanRecord old = PlanRecord.parse(rec.id(), existing.get().body());
      // a chain is only ever extended; a shorter or forked value (a split's loser) is not taken
      if (old.envelopes().size() >= rec.envelopes().size()
          || !rec.envelopes().subList(0, old.envelopes().size()).equals(old.envelopes())) {
        return null;
      }
      known = old.envelopes().size();
    }
    String participants =
        ","
            + String.join(",", rec.outline().participants().stream().map(BureauId::code).toList())
            + ",";
    s.putRecord(
        new StoredRecord(
            rec.id(),
            PlanRecord.KIND,
            rec.outline().leadBureau().code(),
            rec.envelopes().get(0).signedAt(),
            rec.hash(),
            rec.json(),
            new RecordFacts(
                rec.state().name(),
                rec.outline().leadBureau().code(),
                null,
                participants,
                null,
                null,
                null)));
    BureauId self = trust.bureau();
    List<StoredEvent> events = new ArrayList<>();
    for (SignedEnvelope e : rec.envelopes().subList(known, rec.envelopes().size())) {
      if (e.signer().equals(self) && !s.chainHas(e.hash())) {
        audit.append(s, rec.id(), e, now());
      }
      if (rec.participant(self)) {
        PlanStepEvent data =
            new PlanStepEvent(
                rec.id(),
                e.payload().path("event").asText(),
                e.signer(),
                e.payload().path("officer").asText(),
                rec.state(),
                rec.version());
        String type = "action." + e.payload().path("event").asText().toLowerCase();
        events.add(feed.append(s, type, rec.id(), self.code(), data));
      }
    }
    LOG.info(
        "plan taken in plan={} state={} version={} steps={} by={}",
        rec.id(),
        rec.state(),
        rec.version(),
        rec.envelopes().size(),
        self);
    return events;
  }

  // ---- reading ----

  /** The stored plan. */
  public Future<Optional<PlanRecord>> record(String id) {
    return store.call(
        s ->
            s.record(id)
                .filter(r -> r.kind().equals(PlanRecord.KIND))
                .map(r -> PlanRecord.parse(id, r.body())));
  }

  /** Stored plans, newest first; {@code participating}: only those this bureau takes part in. */
  public Future<List<PlanRecord>> records(boolean participating, int limit) {
    return store.call(
        s -> {
          List<StoredRecord> rs =
              participating
                  ? s.recordsWhere(
                      PlanRecord.KIND,
                      "targets LIKE ?",
                      List.of("%," + trust.bureau().code() + ",%"),
                      null,
                      limit)
                  : s.records(PlanRecord.KIND, null, null, limit);
          return rs.stream().map(r -> PlanRecord.parse(r.id(), r.body())).toList();
        });
  }

  /** Every stored plan (start-up of the deconfliction index). */
  public Future<List<PlanRecord>> all() {
    return records(false, Integer.MAX_VALUE);
  }

  /** Runs {@code f} over the plans on the store thread (views that open sealed content). */
  public <T> Future<T> withPlans(Function<Store, T> f) {
    return store.call(f);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
