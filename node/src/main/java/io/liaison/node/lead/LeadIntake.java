package io.liaison.node.lead;

import com.hazelcast.map.IMap;
import io.liaison.api.lead.TransitionSuperseded;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.RecordCheck;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in what other nodes share on the grid: lead values (from the map's listener, anti-entropy,
 * an import, or a transition's answer) and superseded transitions. Every value is verified before
 * use; what fails is quarantined and, where this node holds a verified copy, the grid is repaired.
 */
final class LeadIntake {
  private static final Logger LOG = LoggerFactory.getLogger(LeadIntake.class);

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final LeadSealing sealing;
  private final LeadCommit commit;
  private final IMap<String, String> superseded;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final GridReconciler reconciler;
  // lead id → content hash of a value this node's entry processor made and is now committing
  private final Map<String, String> settling = new ConcurrentHashMap<>();

  LeadIntake(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      LeadSealing sealing,
      LeadCommit commit,
      IMap<String, String> grid,
      IMap<String, String> superseded,
      EventFeed feed,
      Quarantine quarantine) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.sealing = sealing;
    this.commit = commit;
    this.superseded = superseded;
    this.feed = feed;
    this.quarantine = quarantine;
    this.reconciler =
        new GridReconciler(vertx, store, grid, LeadRecord.KIND, this::receive, quarantine);
  }

  /** Anti-entropy of the leads map (it takes values in through {@link #receive}). */
  GridReconciler reconciler() {
    return reconciler;
  }

  /**
   * This node is committing {@code hash}, the value its own entry processor made for lead {@code
   * id}: the grid's event for it, arriving meanwhile, need not be verified and stored again.
   */
  void settling(String id, String hash) {
    settling.put(id, hash);
  }

  /** The commit of {@link #settling} has ended (done, or failed and then taken in as any other). */
  void settled(String id, String hash) {
    settling.remove(id, hash);
  }

  /**
   * Takes a value seen on the grid (listener or reconciliation): verifies it, stores it if it is
   * new or extends what the store holds, and tells connected officers. A value that fails
   * verification is quarantined; a value older than the local copy is replaced on the grid.
   */
  Future<Boolean> receive(String key, String json) {
    String hash = LeadRecord.hashOf(json);
    if (store.known().holds(key, hash) || hash.equals(settling.get(key))) {
      // committed just now, or being committed by this node's own transition: nothing to verify,
      // store or repair
      return Future.succeededFuture(false);
    }
    RecordCheck<LeadRecord> result = LeadRecord.verify(key, json, trust);
    if (result instanceof RecordCheck.Rejected<LeadRecord> rej) {
      return quarantine
          .add("lead/" + key, rej.reason(), rej.detail(), json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    LeadRecord rec = ((RecordCheck.Accepted<LeadRecord>) result).record();
    try {
      sealing.readable(rec); // a recipient checks that what was sealed to it opens and matches
    } catch (RuntimeException e) {
      return quarantine.add("lead/" + key, "SEALED", e.getMessage(), json).map(false);
    }
    return store
        .transaction(s -> applied(s, key, rec))
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

  /** What {@link LeadCommit#apply} made of a value, and the copy the store holds afterwards. */
  record Applied(List<StoredEvent> events, String kept) {}

  /** Commits {@code rec} ({@link LeadCommit#apply}) and reads back what the store keeps of it. */
  Applied applied(Store s, String id, LeadRecord rec) {
    List<StoredEvent> events = commit.apply(s, rec);
    return new Applied(events, s.record(id).map(r -> r.body()).orElse(null));
  }

  /**
   * After a value from the grid ({@code json}) was applied: shares the superseded side of a
   * conflict, and if the store kept another copy (newer, or the winner of a conflict), fixes the
   * grid.
   */
  Future<Void> followUp(String key, String json, Applied applied) {
    Future<Void> shared =
        applied.events().stream().anyMatch(e -> e.type().equals(LeadCommit.CONFLICT))
            ? shareSuperseded(key)
            : Future.succeededFuture();
    return shared.compose(v -> reconciler.putBack(key, json, applied.kept()));
  }

  /** Puts the lead's superseded envelopes on the grid so that every bureau learns of them. */
  private Future<Void> shareSuperseded(String id) {
    return store
        .call(s -> s.superseded(id))
        .compose(
            list ->
                vertx.executeBlocking(
                    () -> {
                      for (String env : list) {
                        SignedEnvelope e =
                            SignedEnvelope.fromJson(env.getBytes(StandardCharsets.UTF_8));
                        superseded.putIfAbsent(e.hash(), env);
                      }
                      return null;
                    },
                    false));
  }

  /**
   * Takes a superseded transition shared by another node: verified, kept, and told to this node's
   * officers once (the bureau whose transition won is told too, not only the one that lost).
   */
  Future<Boolean> receiveSuperseded(String hash, String json) {
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
                return Optional.<StoredEvent>empty();
              }
              if (!s.supersede(id, env)) {
                return Optional.<StoredEvent>empty();
              }
              LeadRecord now = s.record(id).map(r -> LeadRecord.parse(id, r.body())).orElse(null);
              TransitionSuperseded data =
                  new TransitionSuperseded(
                      id,
                      List.of(env.payload().path("transition")),
                      env.signer(),
                      now == null ? null : now.status().state(),
                      now == null ? null : now.status().owner());
              return Optional.of(feed.append(s, LeadCommit.CONFLICT, id, null, data));
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
}
