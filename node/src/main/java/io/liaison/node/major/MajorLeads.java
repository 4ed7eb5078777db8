package io.liaison.node.major;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.Json;
import io.liaison.api.forms.FormView;
import io.liaison.api.major.MajorLeadNotice;
import io.liaison.api.major.MajorLeadPage;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Major-case notices on leads (one notice kind, {@code lead.major}). A form of a lead whose value
 * reaches the major-case value the bureaus agreed raises one at once (once per lead): signed by the
 * filing bureau, kept in its store — its supervisor (上级局, role SUPERVISOR) reads it there — and put
 * on the grid ({@code liaison.major}, key {@code major-<lead>}) so that every other bureau's node
 * keeps it and tells its officers (event {@code lead.major}). No agreed value: no notice (the node
 * invents none). Cases are not looked at here (the quarterly report's alert covers them).
 */
public final class MajorLeads {
  private static final Logger LOG = LoggerFactory.getLogger(MajorLeads.class);
  public static final String MAP = "liaison.major";
  public static final String KIND = "major-lead";
  public static final String EVENT = "lead.major";
  static final String TYPE = "major-lead";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final EventFeed feed;
  private final Supplier<Optional<Long>> threshold;
  private final Clock clock;
  private final GridReconciler reconciler;

  public MajorLeads(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      EventFeed feed,
      Supplier<Optional<Long>> threshold,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.feed = feed;
    this.threshold = threshold;
    this.clock = clock;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  static String key(String leadId) {
    return "major-" + leadId;
  }

  /** A form was filed: raise a notice if it is a lead's and its value reaches the agreed one. */
  public void formFiled(FormView form) {
    Optional<Long> limit = threshold.get();
    Long value = form.form().valueFen();
    if (limit.isEmpty() || value == null || value < limit.get()) {
      return;
    }
    String leadId = form.form().subject();
    String id = key(leadId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    store
        .transaction(
            s -> {
              if (s.record(leadId).filter(r -> r.kind().equals("lead")).isEmpty()
                  || s.record(id).isPresent()) {
                return null;
              }
              MajorLeadNotice n =
                  new MajorLeadNotice(
                      leadId,
                      trust.bureau(),
                      form.form().officer(),
                      value,
                      limit.get(),
                      form.id(),
                      now);
              ObjectNode payload = Json.mapper().valueToTree(n);
              payload.put("type", TYPE);
              SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
              put(s, id, env);
              StoredEvent e = feed.append(s, EVENT, leadId, trust.bureau().code(), n);
              return new Object[] {env, e};
            })
        .compose(
            r -> {
              if (r == null) {
                return Future.succeededFuture();
              }
              feed.publish((StoredEvent) r[1]);
              LOG.warn(
                  "major lead raised lead={} bureau={} valueFen={}", leadId, trust.bureau(), value);
              String json = json((SignedEnvelope) r[0]);
              return vertx.executeBlocking(
                  () -> {
                    grid.set(id, json);
                    return null;
                  },
                  false);
            })
        .onFailure(e -> LOG.warn("major lead not raised lead={}: {}", leadId, e.toString()));
  }

  /** A notice seen on the grid: verified, filed under its lead, kept and told once. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    MajorLeadNotice n;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
      n = parse(env);
    } catch (RuntimeException e) {
      return quarantine.refuse(
          reconciler, "", key, "MALFORMED", "not a signed major-lead notice", json);
    }
    if (!TYPE.equals(env.payload().path("type").asText())
        || !trust.verify(env).isValid()
        || !env.signer().equals(n.bureau())
        || !key.equals(key(n.leadId()))) {
      return quarantine.refuse(
          reconciler, "", key, "BAD_MAJOR_LEAD", "signature, signer or key wrong", json);
    }
    return store
        .transaction(
            s -> {
              if (s.record(key).isPresent()) {
                return null;
              }
              put(s, key, env);
              return feed.append(s, EVENT, n.leadId(), trust.bureau().code(), n);
            })
        .map(
            e -> {
              if (e == null) {
                return false;
              }
              feed.publish(e);
              LOG.info(
                  "major lead told lead={} by={} to={}", n.leadId(), n.bureau(), trust.bureau());
              return true;
            });
  }

  /** Every notice this node holds, newest first. */
  public Future<MajorLeadPage> list(int limit) {
    return store.call(
        s ->
            new MajorLeadPage(
                s.recordsWhere(KIND, "1=1", List.of(), null, limit).stream()
                    .map(
                        r ->
                            parse(
                                SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8))))
                    .toList()));
  }

  private static void put(Store s, String id, SignedEnvelope env) {
    SignedRecords.put(s, id, KIND, env);
  }

  private static String json(SignedEnvelope env) {
    return SignedRecords.json(env);
  }

  static MajorLeadNotice parse(SignedEnvelope env) {
    ObjectNode p = env.payload().deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, MajorLeadNotice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a major-lead notice", e);
    }
  }
}
