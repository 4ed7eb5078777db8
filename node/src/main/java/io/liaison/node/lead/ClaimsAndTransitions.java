package io.liaison.node.lead;

import io.liaison.api.Json;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.DomainException;
import io.liaison.node.domain.NotFound;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims and every other transition of a lead, as one pipeline, top to bottom:
 *
 * <ol>
 *   <li><b>queue</b> ({@link #transition}): checks that need no state (roster, majority), the
 *       idempotency key, then the lead's lane on this node ({@link LeadLanes});
 *   <li><b>prepare</b> ({@link #attempt}): what the lifecycle refuses on the verified local copy is
 *       answered without signing (after checking the grid is not a moment ahead); else the
 *       transition is signed against the lead's current head;
 *   <li><b>decide on the owner</b> ({@link OwnerDecision}): the {@link TransitionProcessor} appends
 *       it atomically on the partition owner and answers a typed {@link TransitionOutcome};
 *   <li><b>commit</b> ({@link #settle}, {@link #commit}): an OK value is committed to the store
 *       ({@link LeadCommit}) with the idempotent answer; any other outcome is taken in ({@link
 *       LeadIntake}) and the request refused or tried again, at most {@link #MAX_ATTEMPTS} times;
 *   <li><b>answer</b>: the lead's view, or a problem built from this node's verified copy.
 * </ol>
 */
final class ClaimsAndTransitions {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimsAndTransitions.class);
  private static final int MAX_ATTEMPTS = 4;

  private final StoreExecutor store;
  private final TrustService trust;
  private final LeadSealing sealing;
  private final LeadIntake intake;
  private final LeadLanes lanes;
  private final OwnerDecision owner;
  private final EventFeed feed;
  private final Quorum quorum;
  private final Clock clock;
  private final Map<String, Future<LeadView>> inflight = new ConcurrentHashMap<>();

  ClaimsAndTransitions(
      StoreExecutor store,
      TrustService trust,
      LeadSealing sealing,
      LeadIntake intake,
      LeadLanes lanes,
      OwnerDecision owner,
      EventFeed feed,
      Quorum quorum,
      Clock clock) {
    this.store = store;
    this.trust = trust;
    this.sealing = sealing;
    this.intake = intake;
    this.lanes = lanes;
    this.owner = owner;
    this.feed = feed;
    this.quorum = quorum;
    this.clock = clock;
  }

  /** One transition request: the lead, the request, its idempotency key, when it came in. */
  private record Try(String id, TransitionRequest req, String idemKey, long arrived) {}

  // 1. queue

  /**
   * Fires {@code request} on lead {@code id} for this node's bureau. With an idempotency key, a
   * retried request returns the first request's result instead of acting twice.
   */
  Future<LeadView> transition(String id, TransitionRequest request, String idempotencyKey) {
    if (!LeadIds.isValid(id)) {
      return Future.failedFuture(new NotFound("no lead " + id));
    }
    if (request.event() == LeadEvent.OFFER_HANDOVER) {
      LeadPosting.requireMember(trust, request.to(), "/to");
    }
    if (request.cohandlers() != null) {
      for (int i = 0; i < request.cohandlers().size(); i++) {
        LeadPosting.requireMember(trust, request.cohandlers().get(i), "/cohandlers/" + i);
      }
    }
    // what one bureau wins exclusively goes through the majority: a claim, a hand-over, and an
    // invitation's acceptance (so that the minority side of a split cannot accept one)
    if ((request.event() == LeadEvent.CLAIM
            || request.event() == LeadEvent.ACCEPT_HANDOVER
            || request.event() == LeadEvent.ACCEPT_COHANDLING)
        && !quorum.has()) {
      return Future.failedFuture(LeadProblems.noMajority(request.event(), quorum));
    }
    long arrived = System.nanoTime();
    if (idempotencyKey == null) {
      return lanes.run(id, () -> attempt(new Try(id, request, null, arrived), 1));
    }
    String key = trust.bureau() + ":" + idempotencyKey;
    return inflight.computeIfAbsent(
        key,
        k ->
            lanes
                .run(
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

  // 2. prepare

  private Future<LeadView> attempt(Try t, int n) {
    String id = t.id();
    TransitionRequest req = t.req();
    LeadRecord seen = n == 1 ? lanes.seenSince(id, t.arrived()) : null;
    if (seen != null) {
      // a request ahead in the lane saw the grid after this one came in: refuse on what it saw
      DomainException no = refusal(seen, req, now());
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
              DomainException no = refusal(rec, req, now);
              if (no != null) {
                return n > 1 ? Future.failedFuture(no) : refuseUnlessGridMoved(t, n, rec, no);
              }
              SignedEnvelope env =
                  trust.sign(
                      sealing.transitionPayload(rec.lead(), req, now),
                      rec.status().lastHash(),
                      now);
              long sent = System.nanoTime();
              // 3. decide on the owner
              return owner
                  .decide(id, new TransitionProcessor(env))
                  .compose(outcome -> settle(t, n, sent, outcome));
            });
  }

  /** Refuses with {@code no} unless the grid holds another value than {@code rec}: then again. */
  private Future<LeadView> refuseUnlessGridMoved(Try t, int n, LeadRecord rec, DomainException no) {
    String id = t.id();
    long sent = System.nanoTime();
    return owner
        .gridValue(id)
        .compose(
            v -> {
              if (v == null || v.equals(rec.json())) {
                if (v != null) {
                  lanes.saw(id, sent, rec);
                }
                return Future.failedFuture(no);
              }
              if (!(v instanceof String text)) {
                // not a lead at all: refused on the verified copy; the grid repaired
                intake.reconciler().foreign(id, v);
                return Future.failedFuture(no);
              }
              return intake.receive(id, text).compose(x -> attempt(t, n + 1));
            });
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
              return owner.gridValue(id).compose(raw -> takeIn(id, raw));
            });
  }

  /** A lead this node does not hold yet, from the grid's value {@code raw}. */
  private Future<LeadRecord> takeIn(String id, Object raw) {
    if (!(raw instanceof String v)) {
      if (raw != null) {
        intake.reconciler().foreign(id, raw);
      }
      return Future.failedFuture(new NotFound("no lead " + id));
    }
    return intake
        .receive(id, v)
        .compose(ok -> store.committedRecord(id))
        .map(
            r ->
                LeadRecord.parse(
                    id, r.orElseThrow(() -> new NotFound("no valid lead " + id)).body()));
  }

  // 4. commit, or take in what the owner decided on and refuse or try again

  private Future<LeadView> settle(Try t, int n, long sent, TransitionOutcome outcome) {
    String id = t.id();
    GridReconciler reconciler = intake.reconciler();
    switch (outcome.result()) {
      case OK -> {
        return commit(t, sent, outcome.value());
      }
      case STALE -> {
        if (n >= MAX_ATTEMPTS) {
          return Future.failedFuture(
              new Conflict("concurrent-change", "the lead kept changing; try again"));
        }
        return intake.receive(id, outcome.value()).compose(v -> attempt(t, n + 1));
      }
      case REFUSED -> {
        if (outcome.value() == null) {
          // the transition itself: this node's signature is not trusted by the owner's roster
          LOG.warn(
              "lead transition refused by the partition owner lead={} kind={}", id, outcome.kind());
          return Future.failedFuture(
              LeadProblems.unavailable(
                  "roster-mismatch",
                  "the partition owner does not accept this bureau's signature; the rosters of"
                      + " the nodes differ. Try again in a moment."));
        }
        return refusedOn(t, n, sent, outcome.value());
      }
      case BEHIND, UNVERIFIED -> {
        // the owner did not decide: the grid holds an older state than this node's, or one that
        // does not verify; take it in (quarantined and repaired from the store's copy) and retry
        LOG.info("lead transition not decided lead={} grid={}", id, outcome.result());
        Future<?> repaired =
            outcome.value() != null
                ? intake.receive(id, outcome.value())
                : owner.gridValue(id).compose(v -> reconciler.foreign(id, v));
        return repaired.compose(
            v ->
                again(
                    t,
                    n,
                    outcome.result() == TransitionOutcome.Result.BEHIND
                        ? "the grid holds an older state of the lead than this node"
                        : "the grid's copy of the lead does not verify"));
      }
      case NOT_FOUND -> {
        // the grid lacks the lead (the put-back after a full-cluster restart has not reached it,
        // or it went with failed members): put the store's copy back, as the put-back would
        // (unless someone did meanwhile), and try again
        if (n >= MAX_ATTEMPTS) {
          return Future.failedFuture(new NotFound("no lead " + id + " on the grid"));
        }
        return reconciler
            .restore(id)
            .compose(
                held ->
                    held ? attempt(t, n + 1) : Future.failedFuture(new NotFound("no lead " + id)));
      }
      default -> throw new IllegalStateException("unknown outcome " + outcome);
    }
  }

  /** Commits the value the owner wrote and answers the lead's view. */
  private Future<LeadView> commit(Try t, long sent, String value) {
    String id = t.id();
    TransitionRequest req = t.req();
    LeadRecord next = LeadRecord.parse(id, value);
    LeadView view = sealing.view(next);
    // the grid's event for this value, arriving meanwhile, need not be verified and stored
    // again (see LeadIntake.receive); should the commit fail, the value is taken in as any other
    String hash = LeadRecord.hashOf(value);
    intake.settling(id, hash);
    return store
        .transaction(
            s -> {
              LeadIntake.Applied applied = intake.applied(s, id, next);
              if (t.idemKey() != null) {
                s.rememberIdempotent(t.idemKey(), 200, LeadService.json(view));
              }
              return applied;
            })
        .onComplete(
            ar -> {
              intake.settled(id, hash);
              if (ar.failed()) {
                LOG.warn("lead transition not committed lead={}: {}", id, ar.cause().toString());
                intake
                    .receive(id, value)
                    .onFailure(e -> LOG.warn("lead not taken in lead={}: {}", id, e.toString()));
              }
            })
        // what the skipped echo would have done: share a conflict, repair the grid
        .compose(applied -> intake.followUp(id, value, applied).map(applied.events()))
        .map(
            events -> {
              // 5. answer
              events.forEach(feed::publish);
              if (next.status().state().isFinal()) {
                // settled: it leaves the grid a retention from now (never fails, not awaited)
                intake.reconciler().settle(LeadViews.stored(next));
              }
              lanes.saw(id, sent, next);
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

  /**
   * Takes in the state that refused the transition (unless this node has it already); the 409 is
   * built from this node's verified copy of exactly that state, never from the owner's text.
   */
  private Future<LeadView> refusedOn(Try t, int n, long sent, String value) {
    String id = t.id();
    return intake
        .receive(id, value)
        .compose(v -> store.committedRecord(id))
        .compose(
            local -> {
              if (local.isPresent() && local.get().hash().equals(LeadRecord.hashOf(value))) {
                LeadRecord cur = LeadRecord.parse(id, local.get().body());
                DomainException no = refusal(cur, t.req(), now());
                if (no != null) {
                  lanes.saw(id, sent, cur);
                  return Future.failedFuture(no);
                }
              }
              // the store did not take that state in (it did not verify) or holds another
              return again(t, n, "the lead's grid value kept changing");
            });
  }

  /**
   * Asks again after a repair; after {@link #MAX_ATTEMPTS} a typed 503 with {@code why}: the grid
   * could not be brought to a verified state the partition owner decides on.
   */
  private Future<LeadView> again(Try t, int n, String why) {
    if (n >= MAX_ATTEMPTS) {
      LOG.warn("lead transition given up lead={} attempts={}: {}", t.id(), n, why);
      return Future.failedFuture(
          LeadProblems.unavailable(
              "grid-unverified",
              why + "; it is being repaired from the bureaus' verified copies. Try again."));
    }
    return attempt(t, n + 1);
  }

  /** The answer the lifecycle gives this node's bureau for {@code req} on {@code rec}, or null. */
  private DomainException refusal(LeadRecord rec, TransitionRequest req, Instant at) {
    try {
      LeadLifecycle.apply(rec.lead(), rec.status(), new Transition(trust.bureau(), at, req), "");
      return null;
    } catch (TransitionRefused r) {
      return LeadProblems.refused(r.kind().name(), r.getMessage(), rec);
    }
  }

  private static LeadView readView(String json) {
    try {
      return Json.mapper().readValue(json, LeadView.class);
    } catch (IOException e) {
      throw new IllegalStateException("stored response unreadable", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
