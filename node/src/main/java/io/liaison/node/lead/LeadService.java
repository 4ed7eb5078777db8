package io.liaison.node.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadPage;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.events.EventFeed;
import io.liaison.node.http.ApiException;
import io.liaison.node.store.Cursor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posting, reading and receiving leads. A post is validated, signed into this bureau's audit chain,
 * committed to the durable store, then put on the grid; only then is it acknowledged. Every value
 * read from the grid is verified before it is stored or served; a value that fails is quarantined.
 */
public final class LeadService {
  private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> grid;
  private final EventFeed feed;
  private final Quarantine quarantine;
  private final Clock clock;

  public LeadService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      EventFeed feed,
      Quarantine quarantine,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.grid = grid;
    this.feed = feed;
    this.quarantine = quarantine;
    this.clock = clock;
  }

  /** Validates, signs, stores durably, shares on the grid; completes when all of that is done. */
  public Future<LeadView> post(LeadDraft draft) {
    for (int i = 0; i < draft.targetBureaus().size(); i++) {
      BureauId target = draft.targetBureaus().get(i);
      if (!trust.isMember(target)) {
        return Future.failedFuture(
            ApiException.unprocessable(
                "unknown-bureau",
                "bureau " + target + " is not a member of the roster",
                "/targetBureaus/" + i));
      }
    }
    if (draft.distribution() == io.liaison.api.lead.Distribution.RESTRICTED) {
      return Future.failedFuture(
          ApiException.unprocessable(
              "not-supported", "RESTRICTED distribution is not available yet", "/distribution"));
    }
    Instant now = clock.instant();
    String id = LeadIds.next(trust.bureau(), now);
    Lead lead = Lead.from(id, trust.bureau(), now, draft);
    return store
        .transaction(
            s -> {
              ObjectNode payload = Json.mapper().createObjectNode();
              payload.put("type", LeadRecord.POSTED);
              payload.set("lead", Json.mapper().valueToTree(lead));
              SignedEnvelope env = audit.signAndAppend(s, payload, now);
              LeadRecord rec = LeadRecord.ofPosted(env, lead);
              s.putRecord(toStored(rec));
              StoredEvent ev = feed.append(s, LeadRecord.POSTED, id, null, view(rec));
              return new Posted(rec, ev);
            })
        .compose(
            p ->
                Future.fromCompletionStage(grid.setAsync(id, p.record().json()))
                    .map(
                        v -> {
                          feed.publish(p.event());
                          LOG.info(
                              "lead posted lead={} bureau={} officer={}",
                              id,
                              trust.bureau(),
                              lead.officer());
                          return view(p.record());
                        }));
  }

  private record Posted(LeadRecord record, StoredEvent event) {}

  public Future<LeadView> get(String id) {
    if (!LeadIds.isValid(id)) {
      return Future.failedFuture(ApiException.notFound("no lead " + id));
    }
    return store
        .call(s -> s.record(id))
        .map(
            r -> r.map(this::fromStored).orElseThrow(() -> ApiException.notFound("no lead " + id)));
  }

  public Future<LeadPage> list(BureauId origin, String cursor, int limit) {
    Cursor before = cursor == null ? null : Cursor.decode(cursor);
    return store
        .call(
            s ->
                s.records(
                    LeadRecord.KIND, origin == null ? null : origin.code(), before, limit + 1))
        .map(
            rows -> {
              List<LeadView> items = new ArrayList<>();
              for (int i = 0; i < Math.min(limit, rows.size()); i++) {
                items.add(fromStored(rows.get(i)));
              }
              String next = null;
              if (rows.size() > limit) {
                StoredRecord last = rows.get(limit - 1);
                next = new Cursor(last.postedAt().toEpochMilli(), last.id()).encode();
              }
              return new LeadPage(items, next);
            });
  }

  /**
   * Takes a value seen on the grid (listener or reconciliation): verifies it, stores it if new, and
   * tells connected officers. A value that fails verification is quarantined; if this node holds a
   * valid copy, the grid entry is repaired with it.
   */
  public Future<Boolean> receive(String key, String json) {
    LeadRecord.Result result = LeadRecord.verify(key, json, trust);
    if (result instanceof LeadRecord.Result.Rejected rej) {
      return quarantine
          .add("lead/" + key, rej.reason(), rej.detail(), json)
          .compose(v -> repair(key, json))
          .map(false);
    }
    LeadRecord rec = ((LeadRecord.Result.Accepted) result).record();
    return store
        .transaction(
            s -> {
              if (!s.putRecord(toStored(rec))) {
                return Optional.<StoredEvent>empty();
              }
              return Optional.of(feed.append(s, LeadRecord.POSTED, key, null, view(rec)));
            })
        .map(
            ev -> {
              ev.ifPresent(
                  e -> {
                    feed.publish(e);
                    LOG.info(
                        "lead received lead={} origin={} by={}",
                        key,
                        rec.lead().originBureau(),
                        trust.bureau());
                  });
              return ev.isPresent();
            });
  }

  private Future<Void> repair(String key, String badJson) {
    return store
        .call(s -> s.record(key))
        .compose(
            local -> {
              if (local.isEmpty()) {
                return Future.succeededFuture();
              }
              return vertx
                  .executeBlocking(() -> grid.replace(key, badJson, local.get().body()), false)
                  .map(
                      replaced -> {
                        if (replaced) {
                          LOG.warn("grid entry repaired lead={} from local copy", key);
                        }
                        return null;
                      });
            });
  }

  /** The store's digest of leads, for anti-entropy. */
  public StoreExecutor store() {
    return store;
  }

  static StoredRecord toStored(LeadRecord rec) {
    return new StoredRecord(
        rec.lead().id(),
        LeadRecord.KIND,
        rec.lead().originBureau().code(),
        rec.lead().postedAt(),
        rec.hash(),
        rec.json());
  }

  private LeadView fromStored(StoredRecord r) {
    LeadRecord.Result res = LeadRecord.verify(r.id(), r.body(), trust);
    if (res instanceof LeadRecord.Result.Accepted acc) {
      return view(acc.record());
    }
    // the store only holds verified records; a failure here means the file was edited
    throw new ApiException(
        io.liaison.api.Problem.of(
            "integrity", "Stored record failed verification", 500, "lead " + r.id(), null));
  }

  static LeadView view(LeadRecord rec) {
    SignedEnvelope p = rec.posted();
    return new LeadView(
        rec.lead().id(),
        rec.lead().originBureau(),
        rec.lead().postedAt(),
        rec.lead(),
        false,
        new LeadView.Proof(p.signer(), p.keyId(), p.signedAt(), p.hash(), true));
  }

  static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
