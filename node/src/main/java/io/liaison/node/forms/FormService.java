package io.liaison.node.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.forms.FormDraft;
import io.liaison.api.forms.FormPage;
import io.liaison.api.forms.FormView;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four forms of a case file, attached to a lead or case this node holds, each an envelope this
 * bureau signed (kind {@code form}, kept on this node; id {@code form-<subject digest>-<random>} so
 * that the forms of one subject are one prefix). Officers named on a form must be of this bureau.
 * Listeners (the major-case notice) are told of every form saved.
 */
public final class FormService {
  private static final Logger LOG = LoggerFactory.getLogger(FormService.class);
  public static final String KIND = "form";
  static final String TYPE = "case-form";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StoreExecutor store;
  private final TrustService trust;
  private final Clock clock;
  private final List<Consumer<FormView>> listeners = new CopyOnWriteArrayList<>();

  public FormService(StoreExecutor store, TrustService trust, Clock clock) {
    this.store = store;
    this.trust = trust;
    this.clock = clock;
  }

  /** Told (on the event loop) of every form saved. */
  public void addListener(Consumer<FormView> listener) {
    listeners.add(listener);
  }

  static String prefix(String subject) {
    return "form-"
        + Hashes.sha256Hex(subject.getBytes(StandardCharsets.UTF_8)).substring(0, 16)
        + "-";
  }

  /** Signs and keeps a form; the subject must be a lead or case this node holds. */
  public Future<FormView> save(FormDraft form) {
    String me = trust.bureau().code();
    for (int i = 0; i < form.officers().size(); i++) {
      if (!form.officers().get(i).startsWith(me + "-")) {
        throw new Invalid(
            "foreign-officer",
            "an officer of bureau " + me + " fills in its forms",
            "/officers/" + i);
      }
    }
    if (!form.officer().startsWith(me + "-")) {
      throw new Invalid(
          "foreign-officer", "an officer of bureau " + me + " fills in its forms", "/officer");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = prefix(form.subject()) + HexFormat.of().formatHex(randomBytes());
    return store
        .call(
            s -> {
              Optional<StoredRecord> subject = s.record(form.subject());
              if (subject.isEmpty()
                  || !(subject.get().kind().equals("lead")
                      || subject.get().kind().equals("case"))) {
                throw new Invalid(
                    "unknown-subject",
                    "no lead or case " + form.subject() + " on this node",
                    "/subject");
              }
              ObjectNode payload = Json.mapper().createObjectNode();
              payload.put("type", TYPE);
              payload.put("id", id);
              payload.set("form", Json.mapper().valueToTree(form));
              SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
              SignedRecords.put(s, id, KIND, env);
              return view(env);
            })
        .onSuccess(
            v -> {
              LOG.info(
                  "form saved form={} kind={} subject={} bureau={}",
                  v.id(),
                  v.form().kind(),
                  v.form().subject(),
                  me);
              listeners.forEach(l -> l.accept(v));
            });
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The forms of one lead or case, in the order filled in. */
  public Future<FormPage> of(String subject) {
    return store.call(
        s ->
            new FormPage(
                s
                    .recordsWhere(KIND, "id LIKE ?", List.of(prefix(subject) + "%"), null, 1000)
                    .stream()
                    .map(r -> view(r.body()))
                    .filter(v -> v.form().subject().equals(subject))
                    .sorted(Comparator.comparing(FormView::signedAt).thenComparing(FormView::id))
                    .toList()));
  }

  /** One form. */
  public Future<FormView> get(String id) {
    return store
        .call(s -> s.record(id))
        .map(
            r ->
                r.filter(x -> x.kind().equals(KIND))
                    .map(x -> view(x.body()))
                    .orElseThrow(() -> new NotFound("form " + id)));
  }

  private static FormView view(String body) {
    return view(SignedEnvelope.fromJson(body.getBytes(StandardCharsets.UTF_8)));
  }

  static FormView view(SignedEnvelope env) {
    try {
      FormDraft f = Json.mapper().treeToValue(env.payload().path("form"), FormDraft.class);
      return new FormView(
          env.payload().path("id").asText(),
          env.signer(),
          env.signedAt(),
          f,
          env.keyId(),
          env.hash());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored form unreadable", e);
    }
  }
}
