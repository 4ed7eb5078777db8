package io.liaison.node.forms;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.forms.FormKind;
import io.liaison.api.forms.FormView;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.LeadEvent;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.events.EventFeed;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lead's feedback form (反馈表) reaches the bureau that posted the lead. When a bureau files the
 * feedback form of another bureau's lead, the signed form goes on the grid ({@code liaison.forms},
 * key {@code shared-<form id>}; the filing node keeps that copy as kind {@code form-shared}, so
 * anti-entropy can put it back); the origin's node verifies it (signature, a feedback form of one
 * of its own leads, signed by the bureau of the officer who filed it, a bureau that claimed, took
 * over or co-handles the lead by the history the origin holds — else quarantined), keeps it with
 * its own forms of the lead and tells its officers (event {@code form.received}). Other nodes take
 * nothing.
 *
 * <p>Forms of a restricted (sealed) lead are not shared: the grid would carry them in clear to
 * every member; they stay on the filing node (the sealed FEEDBACK transition reaches the origin).
 * Forms of cases, and the other three forms, stay node-local as before.
 */
public final class FormSharing {
  private static final Logger LOG = LoggerFactory.getLogger(FormSharing.class);
  public static final String MAP = "liaison.forms";
  public static final String KIND = "form-shared";
  public static final String EVENT = "form.received";
  private static final String PREFIX = "shared-";

  /** The answer of the store step for a form whose signer never handled the lead. */
  private static final StoredEvent NOT_A_HANDLER =
      new StoredEvent(-1, "none", "none", null, Instant.EPOCH, "{}");

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final EventFeed feed;
  private final GridReconciler reconciler;

  public FormSharing(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      EventFeed feed) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.feed = feed;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  /** A form was filed here: the feedback form of another bureau's (unsealed) lead is shared. */
  public void formFiled(FormView form) {
    if (form.form().kind() != FormKind.FEEDBACK) {
      return;
    }
    String leadId = form.form().subject();
    String key = PREFIX + form.id();
    store
        .transaction(
            s -> {
              Optional<LeadRecord> lead =
                  s.record(leadId)
                      .filter(r -> r.kind().equals(LeadRecord.KIND))
                      .map(r -> LeadRecord.parse(leadId, r.body()));
              if (lead.isEmpty()
                  || lead.get().lead().originBureau().equals(trust.bureau())
                  || lead.get().lead().distribution() == Distribution.RESTRICTED) {
                return null;
              }
              return s.record(form.id())
                  .map(
                      r -> {
                        SignedEnvelope env = SignedRecords.envelope(r.body());
                        SignedRecords.put(s, key, KIND, env);
                        return SignedRecords.json(env);
                      })
                  .orElse(null);
            })
        .compose(
            json ->
                json == null
                    ? Future.succeededFuture()
                    : vertx.executeBlocking(
                        () -> {
                          grid.set(key, json);
                          return null;
                        },
                        false))
        .onSuccess(
            x ->
                LOG.debug("feedback form shared form={} lead={}", form.id(), form.form().subject()))
        .onFailure(e -> LOG.warn("feedback form not shared form={}: {}", form.id(), e.toString()));
  }

  /** A shared form seen on the grid: the origin of its lead verifies, keeps and tells it once. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    FormView v;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
      v = FormService.view(env);
    } catch (RuntimeException e) {
      return quarantine.refuse(reconciler, "", key, "MALFORMED", "not a signed form", json);
    }
    String subject = v.form().subject();
    if (!FormService.TYPE.equals(env.payload().path("type").asText())
        || !trust.verify(env).isValid()
        || !key.equals(PREFIX + v.id())
        || !v.id().startsWith(FormService.prefix(subject))
        || v.form().kind() != FormKind.FEEDBACK
        || !v.form().officer().startsWith(env.signer().code() + "-")) {
      return quarantine.refuse(
          reconciler, "", key, "BAD_FORM", "signature, signer, kind or key wrong", json);
    }
    if (!subject.startsWith(trust.bureau().code() + "-")) {
      return Future.succeededFuture(false); // another bureau's lead: not this node's to keep
    }
    return store
        .transaction(
            s -> {
              if (s.record(v.id()).isPresent()) {
                return null;
              }
              if (!handledBy(s, subject, env.signer())) {
                return NOT_A_HANDLER;
              }
              SignedRecords.put(s, v.id(), FormService.KIND, env);
              SignedRecords.put(s, key, KIND, env);
              return feed.append(s, EVENT, subject, trust.bureau().code(), v);
            })
        .compose(
            e -> {
              if (e == null) {
                return Future.succeededFuture(false);
              }
              if (e == NOT_A_HANDLER) {
                LOG.warn(
                    "feedback form refused form={} lead={} by={}: not a handler of the lead",
                    v.id(),
                    subject,
                    env.signer());
                return quarantine
                    .add(
                        key,
                        "BAD_FORM",
                        "feedback form of a bureau that never handled the lead",
                        json)
                    .map(false);
              }
              feed.publish(e);
              LOG.info("feedback form received form={} lead={} by={}", v.id(), subject, v.bureau());
              return Future.succeededFuture(true);
            });
  }

  /**
   * Whether {@code bureau} handles or handled the lead, by the signed history this node holds: it
   * claimed it, took it over, or accepted to co-handle it (review-3 F12: any member could deliver a
   * feedback form for any lead to its origin).
   */
  static boolean handledBy(Store s, String leadId, BureauId bureau) {
    return s.record(leadId)
        .filter(r -> r.kind().equals(LeadRecord.KIND))
        .map(r -> LeadRecord.parse(leadId, r.body()))
        .map(
            rec ->
                bureau.equals(rec.status().owner())
                    || rec.history().stream()
                        .anyMatch(
                            t ->
                                t.bureau().equals(bureau)
                                    && (t.event() == LeadEvent.CLAIM
                                        || t.event() == LeadEvent.ACCEPT_HANDOVER
                                        || t.event() == LeadEvent.ACCEPT_COHANDLING)))
        .orElse(false);
  }
}
