package io.liaison.node.network;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.network.MergeAcceptedEvent;
import io.liaison.api.network.MergeDecidedEvent;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedIntake;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bureaus' signed decisions on merge proposals. A decision is signed by this bureau (one envelope,
 * payload {@value MergeDecision#TYPE}), chained into the audit log and committed to the store, then
 * put on the grid map {@code liaison.merge} under {@code <proposalId>/<bureau>}. Every node
 * verifies what it reads there (signature, signer = bureau of the key, proposal id = hash of the
 * members): a value that fails is quarantined and the grid entry put back from the store's copy. A
 * bureau decides once per proposal. Stored decisions are announced on the feed ({@value #DECIDED})
 * and, when the last involved bureau accepts, {@value #ACCEPTED}; both only on nodes of bureaus
 * involved.
 */
public final class MergeService {
  private static final Logger LOG = LoggerFactory.getLogger(MergeService.class);
  public static final String KIND = "merge.decision";
  public static final String DECIDED = "merge.decided";
  public static final String ACCEPTED = "merge.accepted";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> map;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final SignedIntake<MergeDecision> intake;
  private final Clock clock;

  public MergeService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> map,
      EventFeed feed,
      Quarantine quarantine,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.map = map;
    this.grid = new GridReconciler(vertx, store, map, KIND, this::receive, quarantine);
    this.feed = feed;
    this.intake =
        new SignedIntake<>(
            trust,
            quarantine,
            "merge",
            "BAD_DECISION",
            MergeDecision::of,
            MergeDecision::key,
            MergeDecision::bureau);
    this.clock = clock;
  }

  /** The start-up (and after-split) anti-entropy of the decisions map. */
  public GridReconciler reconciler() {
    return grid;
  }

  /** A decision as stored: what it says and the signed envelope it came in. */
  public record Signed(MergeDecision decision, SignedEnvelope envelope) {}

  /** Signs, stores and shares this bureau's decision; 409 if the bureau has decided already. */
  public Future<Signed> decide(MergeDecision d) {
    if (!d.bureau().equals(trust.bureau())) {
      throw new Invalid(
          "foreign-bureau", "a node decides for its own bureau " + trust.bureau(), "/bureau");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store
        .transaction(
            s -> {
              if (s.record(d.key()).isPresent()) {
                throw new Conflict(
                    "already-decided", "bureau " + d.bureau() + " has decided on this proposal");
              }
              SignedEnvelope env = trust.sign(d.payload(), Hashes.GENESIS, now);
              audit.append(s, d.key(), env, now);
              return new Applied(new Signed(d, env), apply(s, d, env));
            })
        .compose(
            a ->
                Future.fromCompletionStage(
                        map.setAsync(d.key(), SignedIntake.json(a.signed().envelope())))
                    .map(
                        v -> {
                          a.events().forEach(feed::publish);
                          LOG.info(
                              "merge decision signed proposal={} bureau={} decision={} officer={}",
                              d.proposalId(),
                              d.bureau(),
                              d.decision(),
                              d.officer());
                          return a.signed();
                        }));
  }

  private record Applied(Signed signed, List<StoredEvent> events) {}

  /** Takes a decision seen on the grid: verified and stored, or quarantined and repaired. */
  public Future<Boolean> receive(String key, String json) {
    SignedIntake.Accepted<MergeDecision> a;
    try {
      a = intake.check(key, json);
    } catch (SignedIntake.Refused why) {
      return intake.refuse(grid, key, why, json);
    }
    MergeDecision d = a.value();
    SignedEnvelope env = a.envelope();
    return store
        .transaction(
            s -> {
              if (s.record(key).isPresent()) {
                return List.<StoredEvent>of();
              }
              return apply(s, d, env);
            })
        .map(
            events -> {
              events.forEach(feed::publish);
              if (!events.isEmpty()) {
                LOG.info(
                    "merge decision received proposal={} bureau={} decision={} by={}",
                    d.proposalId(),
                    d.bureau(),
                    d.decision(),
                    trust.bureau());
              }
              return !events.isEmpty();
            });
  }

  /** Stores a verified decision and returns the feed events it causes (store thread). */
  private List<StoredEvent> apply(Store s, MergeDecision d, SignedEnvelope env) {
    s.putRecord(SignedIntake.record(d.key(), KIND, env));
    List<StoredEvent> events = new ArrayList<>();
    BureauId self = trust.bureau();
    if (!d.bureaus().contains(self)) {
      return events;
    }
    MergeDecidedEvent data =
        new MergeDecidedEvent(d.proposalId(), d.bureau(), d.decision(), d.officer());
    events.add(feed.append(s, DECIDED, d.proposalId(), self.code(), data));
    MergeStatus status = MergeStatus.of(d.bureaus(), decisions(s, d.proposalId()));
    if (status.state() == MergeStatus.State.ACCEPTED && s.markNotified(d.proposalId(), ACCEPTED)) {
      MergeAcceptedEvent acc =
          new MergeAcceptedEvent(d.proposalId(), status.leadBureau(), status.coHandling());
      events.add(feed.append(s, ACCEPTED, d.proposalId(), self.code(), acc));
      LOG.info(
          "merge accepted proposal={} lead={} coHandling={}",
          d.proposalId(),
          status.leadBureau(),
          status.coHandling());
    }
    return events;
  }

  /** Every stored decision on a proposal, by bureau. */
  public Future<List<Signed>> decisions(String proposalId) {
    return store.call(s -> decisions(s, proposalId));
  }

  private static List<Signed> decisions(Store s, String proposalId) {
    List<Signed> out = new ArrayList<>();
    for (StoredRecord r :
        s.recordsWhere(KIND, "id LIKE ?", List.of(proposalId + "/%"), null, 1000)) {
      SignedEnvelope env = SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
      out.add(new Signed(MergeDecision.of(env.payload()), env));
    }
    out.sort(Comparator.comparing(x -> x.decision().bureau()));
    return out;
  }

  /** Every proposal id some bureau has decided on. */
  public Future<List<String>> decidedProposals() {
    return store.call(
        s ->
            s.hashes(KIND).keySet().stream()
                .map(k -> k.substring(0, k.indexOf('/')))
                .distinct()
                .sorted()
                .toList());
  }

  /** The bureau this node speaks for. */
  public BureauId bureau() {
    return trust.bureau();
  }

  Vertx vertx() {
    return vertx;
  }
}
