package io.liaison.node.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The leads of this node, as the rest of the node sees them: posting ({@link LeadPosting}), claims
 * and other transitions ({@link ClaimsAndTransitions}), and taking in what other nodes share
 * ({@link LeadIntake}); all three commit through {@link LeadCommit}. This class only wires them.
 *
 * <p>A post is signed, committed to the durable store (with its audit-chain entry and feed event)
 * and then put on the grid; only then is it acknowledged. A transition is signed against the lead's
 * current head and appended atomically on the partition owner by {@link TransitionProcessor}, then
 * committed locally before it is acknowledged. Every value read from the grid is verified; what
 * fails is quarantined and, where this node holds a verified copy, the grid is repaired.
 */
public final class LeadService {
  /** Feed event type of a conflict resolved between two histories of a lead. */
  public static final String CONFLICT = LeadCommit.CONFLICT;

  private final TrustService trust;
  private final LeadSealing sealing;
  private final LeadPosting posting;
  private final LeadIntake intake;
  private final ClaimsAndTransitions transitions;

  public LeadService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      IMap<String, String> superseded,
      EventFeed feed,
      Quarantine quarantine,
      MeterRegistry metrics,
      Quorum quorum,
      Clock clock) {
    this.trust = trust;
    this.sealing = new LeadSealing(trust);
    LeadCommit commit = new LeadCommit(trust, sealing, feed, metrics, clock);
    this.intake =
        new LeadIntake(vertx, store, trust, sealing, commit, grid, superseded, feed, quarantine);
    this.posting = new LeadPosting(vertx, store, trust, sealing, commit, grid, feed, clock);
    this.transitions =
        new ClaimsAndTransitions(
            store,
            trust,
            sealing,
            intake,
            new LeadLanes(vertx),
            new OwnerDecision(vertx, grid, metrics),
            feed,
            quorum,
            clock);
  }

  public BureauId bureau() {
    return trust.bureau();
  }

  /** Anti-entropy of the leads map. */
  public GridReconciler reconciler() {
    return intake.reconciler();
  }

  /** Validates, signs, stores durably, shares on the grid; completes when all of that is done. */
  public Future<LeadView> post(LeadDraft draft) {
    return posting.post(draft);
  }

  /**
   * Fires {@code request} on lead {@code id} for this node's bureau. With an idempotency key, a
   * retried request returns the first request's result instead of acting twice.
   */
  public Future<LeadView> transition(String id, TransitionRequest request, String idempotencyKey) {
    return transitions.transition(id, request, idempotencyKey);
  }

  /**
   * Takes a value seen on the grid (listener, reconciliation, import): verified, stored if it is
   * new or extends what the store holds, and told to connected officers.
   */
  public Future<Boolean> receive(String key, String json) {
    return intake.receive(key, json);
  }

  /** Takes a superseded transition shared by another node: verified, kept, told once. */
  public Future<Boolean> receiveSuperseded(String hash, String json) {
    return intake.receiveSuperseded(hash, json);
  }

  public LeadSealing sealing() {
    return sealing;
  }

  static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
