package io.liaison.node.network;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.lead.Lead;
import io.liaison.api.network.RestrictedHit;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.RecordCheck;
import io.liaison.node.trust.SignedIntake;
import io.liaison.node.trust.TrustService;
import io.liaison.search.link.SealedHit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hit/no-hit on restricted material. When this node's link engine links a record to a restricted
 * record that the other record's owner may not read, this bureau signs a {@link HitNotice} (a
 * pointer and whom to contact) and puts it on the grid map {@code liaison.hits}; the first notice
 * of a pair wins (several readers may find the same hit). The nodes of the two owners verify it
 * (signature, signer = finder, and that the finder is one of the restricted record's readers, from
 * its clear routing metadata in the node's store or, if the node has not taken the record in yet,
 * on the grid), store it and tell their officers on the feed ({@value #HIT}). Other nodes keep
 * nothing.
 */
public final class HitService {
  private static final Logger LOG = LoggerFactory.getLogger(HitService.class);
  public static final String KIND = "link.hit";
  public static final String HIT = "link.hit";
  private static final int LIST_LIMIT = 1000;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> map;
  private final IMap<String, String> leads;
  private final GridReconciler grid;
  private final EventFeed feed;
  private final SignedIntake<HitNotice> intake;
  private final Clock clock;

  public HitService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> map,
      IMap<String, String> leads,
      EventFeed feed,
      Quarantine quarantine,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.map = map;
    this.leads = leads;
    this.grid = new GridReconciler(vertx, store, map, KIND, this::receive, quarantine);
    this.feed = feed;
    this.intake =
        new SignedIntake<>(
            trust,
            quarantine,
            "hits",
            "BAD_HIT",
            HitNotice::of,
            HitNotice::key,
            HitNotice::foundBy);
    this.clock = clock;
  }

  /** The start-up (and after-split) anti-entropy of the hits map. */
  public GridReconciler reconciler() {
    return grid;
  }

  /**
   * Reports a hit this node's engine found: signs a notice unless one is stored already, and shares
   * it unless another reader shared one first (then that one is taken). A value already on the grid
   * that is refused (forged, altered, or signed by a bureau that may not read the record) is
   * replaced by this node's notice, so that it cannot keep the owners from being told.
   */
  public Future<Boolean> report(SealedHit hit) {
    HitNotice n = HitNotice.of(hit, trust.bureau());
    String key = n.key();
    return store
        .call(s -> s.record(key).isPresent())
        .compose(
            known -> {
              if (known) {
                return Future.succeededFuture(false);
              }
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              String json = SignedIntake.json(trust.sign(n.payload(), Hashes.GENESIS, now));
              return vertx
                  .executeBlocking(() -> map.putIfAbsent(key, json), false)
                  .compose(
                      earlier -> {
                        if (earlier == null) {
                          return receive(key, json);
                        }
                        return take(key, earlier)
                            .compose(
                                outcome ->
                                    outcome != Outcome.REFUSED
                                        ? Future.succeededFuture(outcome == Outcome.STORED)
                                        : vertx
                                            .executeBlocking(
                                                () -> map.replace(key, earlier, json), false)
                                            .compose(
                                                replaced ->
                                                    replaced
                                                        ? receive(key, json)
                                                        : Future.succeededFuture(false)));
                      });
            });
  }

  /** Takes a notice seen on the grid: verified and stored if it concerns this bureau. */
  public Future<Boolean> receive(String key, String json) {
    return take(key, json).map(o -> o == Outcome.STORED);
  }

  /** What taking a grid value did. */
  private enum Outcome {
    STORED,
    KNOWN,
    NOT_OURS,
    REFUSED
  }

  private Future<Outcome> take(String key, String json) {
    SignedIntake.Accepted<HitNotice> a;
    try {
      a = intake.check(key, json);
    } catch (SignedIntake.Refused why) {
      return intake.refuse(grid, key, why, json).map(Outcome.REFUSED);
    }
    HitNotice n = a.value();
    SignedEnvelope env = a.envelope();
    BureauId self = trust.bureau();
    if (!n.concerns(self) && !n.foundBy().equals(self)) {
      return Future.succeededFuture(Outcome.NOT_OURS);
    }
    return readerOf(n)
        .compose(
            reader ->
                store.transaction(
                    s -> {
                      if (s.record(key).isPresent()) {
                        return Taken.KNOWN;
                      }
                      if (!reader) {
                        return Taken.NOT_A_READER;
                      }
                      return new Taken(true, false, apply(s, n, env));
                    }))
        .compose(
            t -> {
              if (t.refused()) {
                return intake
                    .refuse(
                        grid,
                        key,
                        new SignedIntake.Refused(
                            "NOT_A_READER",
                            "the finding bureau may not read the record (or there is no such"
                                + " record)"),
                        json)
                    .map(Outcome.REFUSED);
              }
              t.event().ifPresent(feed::publish);
              if (t.stored()) {
                LOG.info(
                    "hit on restricted record sealed={} owner={} record={} bureau={} foundBy={}",
                    n.sealedRecordId(),
                    n.owner(),
                    n.recordId(),
                    n.recordBureau(),
                    n.foundBy());
              }
              return Future.succeededFuture(t.stored() ? Outcome.STORED : Outcome.KNOWN);
            });
  }

  /** What receiving a notice did: stored it (with a feed event for this bureau), or not. */
  private record Taken(boolean stored, boolean refused, Optional<StoredEvent> event) {
    static final Taken KNOWN = new Taken(false, false, Optional.empty());
    static final Taken NOT_A_READER = new Taken(false, true, Optional.empty());
  }

  /**
   * Whether the finder may read the restricted record (a lead: its origin, or one of its target
   * bureaus), from the clear routing metadata of this node's copy or, if the node has not taken the
   * lead in yet, of the grid's (verified first). A notice about a lead that neither holds is
   * refused: the finder cannot have found it.
   */
  private Future<Boolean> readerOf(HitNotice n) {
    String id = n.sealedRecordId();
    return store
        .committedRecord(id)
        .compose(
            local -> {
              if (local.isPresent()) {
                return Future.succeededFuture(
                    !LeadRecord.KIND.equals(local.get().kind())
                        || readerOf(LeadRecord.parse(id, local.get().body()).lead(), n));
              }
              return vertx
                  .executeBlocking(() -> leads.get(id), false)
                  .map(
                      v ->
                          v != null
                              && LeadRecord.verify(id, v, trust)
                                  instanceof RecordCheck.Accepted<LeadRecord> a
                              && readerOf(a.record().lead(), n));
            });
  }

  private static boolean readerOf(Lead lead, HitNotice n) {
    return lead.originBureau().equals(n.owner())
        && (n.foundBy().equals(n.owner()) || lead.targetBureaus().contains(n.foundBy()));
  }

  /** Stores a verified notice; the feed event for this bureau's officers, if it concerns it. */
  private Optional<StoredEvent> apply(Store s, HitNotice n, SignedEnvelope env) {
    s.putRecord(SignedIntake.record(n.key(), KIND, env));
    BureauId self = trust.bureau();
    if (!n.concerns(self)) {
      return Optional.empty();
    }
    return Optional.of(feed.append(s, HIT, n.recordId(), self.code(), view(n, env.signedAt())));
  }

  /** What an officer sees of a hit: the pointer, the contact, who found it and when. */
  static RestrictedHit view(HitNotice n, Instant at) {
    return new RestrictedHit(
        n.sealedRecordId(),
        n.owner(),
        n.contact(),
        n.recordId(),
        n.recordBureau(),
        n.foundBy(),
        at);
  }

  /** The hits that concern this bureau, newest first. */
  public Future<List<RestrictedHit>> mine() {
    BureauId self = trust.bureau();
    return store.call(
        s -> {
          List<RestrictedHit> out = new ArrayList<>();
          for (StoredRecord r : s.recordsWhere(KIND, "1=1", List.of(), null, LIST_LIMIT)) {
            SignedEnvelope env = SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
            HitNotice n = HitNotice.of(env.payload());
            if (n.concerns(self)) {
              out.add(view(n, env.signedAt()));
            }
          }
          out.sort(Comparator.comparing(RestrictedHit::foundAt).reversed());
          return out;
        });
  }
}
