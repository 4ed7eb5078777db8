package io.liaison.node.informant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.informant.Informant;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.LeadSource;
import io.liaison.api.informant.OfficerKey;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.informant.ReportEntry;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.informant.RewardStatus;
import io.liaison.api.lead.Lead;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.NotARecipientException;
import io.liaison.crypto.OfficerSealed;
import io.liaison.crypto.OfficerSealer;
import io.liaison.crypto.SealingKeyPair;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.WrongPassphraseException;
import io.liaison.node.access.Principal;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.lead.LeadIds;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead sources and informants. A bureau records where one of its leads came from (举报, 线人, 市场检查,
 * 物流检查, 其他部门) and, for a report or an informant, who: the identity is sealed on this node with HPKE
 * to the officers the poster chose (each with their own X25519 key, see {@link OfficerKeyring}) and
 * leaves the node only as ciphertext. The record ({@code source-<lead>}), the bureaus' key lists
 * ({@code keys-<bureau>}) and the openings ({@code opened-<lead>-<officer>-<ms>}) are signed
 * envelopes in the grid map {@link #MAP}; every node keeps them, none can read an identity without
 * a chosen officer's private key, which lives wrapped under that officer's passphrase on their own
 * node. Opening is done on that node for the signed-in officer, who gives the passphrase; it is
 * signed, chained in the bureau's audit log and shared (the register shows who opened when).
 * Nothing here is indexed, put in an event, or logged with the identity.
 */
public final class InformantService {
  private static final Logger LOG = LoggerFactory.getLogger(InformantService.class);
  public static final String MAP = "liaison.informants";
  public static final String KIND = "informant";
  static final String SOURCE = "lead-source";
  static final String OPENED = "informant-opened";
  private static final String AAD_PREFIX = "liaison-informant-v1:";

  /**
   * Wrong passphrases an officer may give within {@link #GUESS_WINDOW} before opening is refused
   * until the oldest leaves the window: the passphrase is all that stands between a signed-in
   * session and an informant's identity, so it is not open to guessing at request speed. Kept in
   * this node's memory (a restart forgets the count; the request limit still applies).
   */
  static final int MAX_WRONG_PASSPHRASES = 5;

  static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
  private final Map<String, Deque<Instant>> wrongPassphrases = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final Function<String, Future<LeadView>> leads;
  private final OfficerSealer.Kdf kdf;
  private final Clock clock;
  private final GridReconciler reconciler;

  public InformantService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Function<String, Future<LeadView>> leads,
      OfficerSealer.Kdf kdf,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.grid = grid;
    this.quarantine = quarantine;
    this.leads = leads;
    this.kdf = kdf;
    this.clock = clock;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  static String sourceKey(String leadId) {
    return "source-" + leadId;
  }

  // ---- officers' keys

  /** Makes a new sealing key for the signed-in officer and shares its public half. */
  public Future<OfficerKeys> makeKey(Principal p, KeyRequest request) {
    Instant now = now();
    return vertx
        .executeBlocking(
            () -> {
              SealingKeyPair pair = SealingKeyPair.generate();
              return Map.entry(
                  pair, OfficerSealer.wrapKey(pair, request.passphrase().toCharArray(), kdf));
            },
            false)
        .compose(
            made ->
                store.transaction(
                    s -> {
                      OfficerKeyring.keepWrapped(s, p, made.getKey().keyId(), made.getValue(), now);
                      String id = OfficerKeyring.key(p.bureau());
                      ObjectNode payload = OfficerKeyring.next(s, p, made.getKey(), now);
                      String prev =
                          OfficerKeyring.current(s, p.bureau())
                              .map(SignedEnvelope::hash)
                              .orElse(Hashes.GENESIS);
                      SignedEnvelope env = trust.sign(payload, prev, now);
                      SignedRecords.put(s, id, KIND, env);
                      audit.append(s, id, env, now);
                      return env;
                    }))
        .compose(env -> share(OfficerKeyring.key(p.bureau()), env))
        .map(OfficerKeyring::parse)
        .onSuccess(
            k ->
                LOG.info(
                    "officer key made officer={} bureau={} version={}",
                    p.officer(),
                    k.bureau(),
                    k.version()));
  }

  /** Every bureau's officers' keys held by this node. */
  public Future<OfficerKeys.Page> keys() {
    return store.call(
        s ->
            new OfficerKeys.Page(
                s.recordsWhere(KIND, "id LIKE 'keys-%'", List.of(), null, 1000).stream()
                    .map(r -> OfficerKeyring.parse(SignedRecords.envelope(r.body())))
                    .sorted(Comparator.comparing(OfficerKeys::bureau))
                    .toList()));
  }

  // ---- the register

  /** Records where one of this bureau's leads came from, with the sealed identity. */
  public Future<ReportEntry> record(Principal p, ReportDraft d) {
    return leads
        .apply(d.leadId())
        .recover(
            e -> Future.failedFuture(new Invalid("no-lead", "no lead " + d.leadId(), "/leadId")))
        .compose(
            view -> {
              if (!view.originBureau().equals(p.bureau())) {
                throw new Invalid(
                    "not-own-lead",
                    "only the bureau that posted a lead records its source",
                    "/leadId");
              }
              if (d.informant() != null && view.lead() != null) {
                refuseIdentityInLead(view.lead(), d.informant());
              }
              Instant now = now();
              return store.transaction(
                  s -> {
                    String id = sourceKey(d.leadId());
                    if (s.record(id).isPresent()) {
                      throw new Conflict(
                          "source-recorded", "the source of lead " + d.leadId() + " is recorded");
                    }
                    OfficerSealed sealed = null;
                    if (d.informant() != null) {
                      sealed = seal(s, view, d, p.bureau());
                    }
                    ObjectNode payload = Json.mapper().createObjectNode();
                    payload.put("type", SOURCE);
                    payload.put("leadId", d.leadId());
                    payload.put("bureau", p.bureau().code());
                    payload.put("officer", p.officer());
                    payload.put("source", d.source().name());
                    payload.put(
                        "receivedAt",
                        (d.receivedAt() == null
                                ? now
                                : d.receivedAt().truncatedTo(ChronoUnit.MILLIS))
                            .toString());
                    payload.put("recordedAt", now.toString());
                    payload.put("version", 1);
                    ObjectNode reward = payload.putObject("reward");
                    reward.put("status", RewardStatus.NOT_APPLIED.name());
                    reward.put("at", now.toString());
                    reward.put("officer", p.officer());
                    if (sealed != null) {
                      payload.set("identity", Json.mapper().valueToTree(sealed));
                    }
                    SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
                    SignedRecords.put(s, id, KIND, env);
                    audit.append(s, id, env, now);
                    return env;
                  });
            })
        .compose(env -> share(sourceKey(d.leadId()), env))
        .compose(env -> entry(p, d.leadId()))
        .onSuccess(
            e ->
                LOG.info(
                    "lead source recorded lead={} bureau={} source={} sealed={}",
                    e.leadId(),
                    e.bureau(),
                    e.source(),
                    e.identitySealed()));
  }

  /** A new reward status of one of this bureau's reports (signed, next version). */
  public Future<ReportEntry> reward(Principal p, String leadId, RewardRequest r) {
    Instant now = now();
    String id = sourceKey(leadId);
    return store
        .transaction(
            s -> {
              SignedEnvelope prev =
                  s.record(id)
                      .map(x -> SignedRecords.envelope(x.body()))
                      .orElseThrow(() -> new NotFound("no report for lead " + leadId));
              if (!prev.signer().equals(p.bureau())) {
                throw new NotFound("no report for lead " + leadId);
              }
              ObjectNode payload = prev.payload().deepCopy();
              payload.put("version", payload.path("version").asLong() + 1);
              ObjectNode reward = payload.putObject("reward");
              reward.put("status", r.status().name());
              if (r.note() != null) {
                reward.put("note", r.note());
              }
              reward.put("at", now.toString());
              reward.put("officer", p.officer());
              SignedEnvelope env = trust.sign(payload, prev.hash(), now);
              SignedRecords.put(s, id, KIND, env);
              audit.append(s, id, env, now);
              return env;
            })
        .compose(env -> share(id, env))
        .compose(env -> entry(p, leadId));
  }

  /**
   * The identity, to a chosen officer signed in here who gives their passphrase: opened with their
   * private key on this node, the opening signed, chained and shared before the answer.
   */
  public Future<OpenedInformant> open(Principal p, String leadId, OpenRequest r) {
    Instant now = now();
    Optional<Instant> lockedUntil = lockedUntil(p.officer(), now);
    if (lockedUntil.isPresent()) {
      LOG.warn(
          "informant opening refused lead={} officer={}: too many wrong passphrases",
          leadId,
          p.officer());
      return Future.failedFuture(
          new Refused(
              "too-many-attempts",
              "Too many wrong passphrases",
              MAX_WRONG_PASSPHRASES
                  + " wrong passphrases within "
                  + GUESS_WINDOW.toMinutes()
                  + " minutes: opening is refused until "
                  + lockedUntil.get(),
              "/passphrase"));
    }
    return store
        .call(
            s -> {
              SignedEnvelope env = sourceOf(s, leadId);
              JsonNode identity = env.payload().get("identity");
              OfficerSealed sealed = identity == null ? null : sealedOf(identity);
              if (sealed == null || sealed.opener(p.officer()).isEmpty()) {
                throw notAnOpener();
              }
              String wrapped =
                  OfficerKeyring.wrapped(s, p.officer())
                      .orElseThrow(
                          () ->
                              new Conflict(
                                  "no-officer-key",
                                  "this officer has no sealing key on this node"));
              return new Object[] {env, sealed, wrapped};
            })
        .compose(
            x ->
                vertx.executeBlocking(
                    () -> {
                      SignedEnvelope env = (SignedEnvelope) x[0];
                      SealingKeyPair key;
                      try {
                        key = OfficerKeyring.unwrap((String) x[2], r.passphrase());
                      } catch (WrongPassphraseException e) {
                        wrongPassphrase(p.officer(), now);
                        LOG.warn(
                            "informant opening refused lead={} officer={}: wrong passphrase",
                            leadId,
                            p.officer());
                        throw new Refused(
                            "wrong-passphrase",
                            "Wrong passphrase",
                            "the passphrase does not open this officer's key",
                            "/passphrase");
                      }
                      try {
                        byte[] plain =
                            OfficerSealer.open(
                                (OfficerSealed) x[1], p.officer(), key, aad(leadId, env.signer()));
                        return Json.mapper().readValue(plain, Informant.class);
                      } catch (NotARecipientException e) {
                        throw new Conflict(
                            "sealed-for-older-key",
                            "sealed for a key this officer has since replaced; ask the poster to seal it again");
                      }
                    },
                    false))
        .compose(
            informant ->
                store
                    .transaction(
                        s -> {
                          String id =
                              "opened-" + leadId + "-" + p.officer() + "-" + now.toEpochMilli();
                          ObjectNode payload = Json.mapper().createObjectNode();
                          payload.put("type", OPENED);
                          payload.put("leadId", leadId);
                          payload.put("officer", p.officer());
                          payload.put("bureau", p.bureau().code());
                          payload.put("at", now.toString());
                          SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
                          SignedRecords.put(s, id, KIND, env);
                          audit.append(s, id, env, now);
                          return Map.entry(id, env);
                        })
                    .compose(e -> share(e.getKey(), e.getValue()))
                    .map(e -> new OpenedInformant(leadId, p.officer(), now, informant)))
        .onSuccess(
            o -> LOG.warn("informant identity opened lead={} officer={}", leadId, p.officer()));
  }

  /** The register: this bureau's reports, and others' that the signed-in officer may open. */
  public Future<ReportEntry.Page> register(Principal p, int limit) {
    return store
        .call(
            s ->
                s.recordsWhere(KIND, "id LIKE 'source-%'", List.of(), null, 10_000).stream()
                    .map(r -> SignedRecords.envelope(r.body()))
                    .filter(e -> visible(p, e))
                    .limit(limit)
                    .map(e -> e.payload().path("leadId").asText())
                    .toList())
        .compose(
            ids -> {
              List<Future<ReportEntry>> all = new ArrayList<>();
              ids.forEach(id -> all.add(entry(p, id)));
              return Future.all(all).map(c -> new ReportEntry.Page(c.<ReportEntry>list()));
            });
  }

  /** One line of the register, to the bureau's officers and the chosen officers. */
  public Future<ReportEntry> entry(Principal p, String leadId) {
    return store
        .call(
            s -> {
              SignedEnvelope env = sourceOf(s, leadId);
              if (!visible(p, env)) {
                throw new NotFound("no report for lead " + leadId);
              }
              List<ReportEntry.Opening> openings =
                  s
                      .recordsWhere(
                          KIND, "id LIKE ?", List.of("opened-" + leadId + "-%"), null, 1000)
                      .stream()
                      .map(r -> SignedRecords.envelope(r.body()).payload())
                      .map(
                          o ->
                              new ReportEntry.Opening(
                                  o.path("officer").asText(),
                                  BureauId.of(o.path("bureau").asText()),
                                  Instant.parse(o.path("at").asText())))
                      .sorted(Comparator.comparing(ReportEntry.Opening::at))
                      .toList();
              return Map.entry(env, openings);
            })
        .compose(
            x ->
                leads
                    .apply(leadId)
                    .map(Optional::of)
                    .recover(e -> Future.succeededFuture(Optional.empty()))
                    .map(view -> line(x.getKey(), x.getValue(), view.orElse(null))));
  }

  // ---- the grid

  /** Takes a record seen on the grid: verified, signed by the bureau it names, newer than ours. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    try {
      env = SignedRecords.envelope(json);
    } catch (RuntimeException e) {
      return quarantine
          .add(key, "MALFORMED", "not a signed envelope", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    JsonNode p = env.payload();
    String type = p.path("type").asText();
    String named = p.path("bureau").asText();
    boolean keyFits =
        switch (type) {
          case OfficerKeyring.TYPE -> key.equals(OfficerKeyring.key(env.signer()));
          case SOURCE ->
              key.equals(sourceKey(p.path("leadId").asText()))
                  && LeadIds.isValid(p.path("leadId").asText())
                  && p.path("leadId").asText().startsWith(env.signer().code() + "-");
          case OPENED -> openedKeyFits(key, p, env.signer());
          default -> false;
        };
    if (!keyFits || !trust.verify(env).isValid() || !env.signer().code().equals(named)) {
      return quarantine
          .add(key, "BAD_INFORMANT_RECORD", "signature, signer, type or key wrong", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    return store
        .call(
            s -> {
              long incoming = p.path("version").asLong(1);
              long stored =
                  s.record(key)
                      .map(
                          r -> SignedRecords.envelope(r.body()).payload().path("version").asLong(1))
                      .orElse(0L);
              if (incoming <= stored) {
                return false;
              }
              return SignedRecords.put(s, key, KIND, env);
            })
        .compose(
            taken ->
                taken ? Future.succeededFuture(true) : reconciler.repair(key, json).map(false));
  }

  // ---- helpers

  private Future<SignedEnvelope> share(String id, SignedEnvelope env) {
    String json = SignedRecords.json(env);
    return vertx.executeBlocking(
        () -> {
          grid.set(id, json);
          return env;
        },
        false);
  }

  private OfficerSealed seal(Store s, LeadView view, ReportDraft d, BureauId me) {
    List<BureauId> allowed = new ArrayList<>();
    allowed.add(me);
    if (view.lead() != null) {
      allowed.addAll(view.lead().targetBureaus());
    }
    boolean anyMember = view.lead() == null || view.lead().targetBureaus().isEmpty();
    Map<String, byte[]> keys = new TreeMap<>();
    for (int i = 0; i < d.openers().size(); i++) {
      String officer = d.openers().get(i);
      String field = "/openers/" + i;
      if (!officer.matches("[1-9][0-9]{5}-[0-9]{1,8}")) {
        throw new Invalid("bad-opener", "not an officer number: " + officer, field);
      }
      BureauId bureau = BureauId.of(officer.substring(0, 6));
      if (!allowed.contains(bureau) && !(anyMember && trust.isMember(bureau))) {
        throw new Invalid(
            "opener-not-receiving",
            "officer " + officer + " is not of this bureau or of a bureau the lead is addressed to",
            field);
      }
      OfficerKey key =
          OfficerKeyring.publicKey(s, officer)
              .orElseThrow(
                  () ->
                      new Invalid(
                          "opener-without-key",
                          "officer " + officer + " has no sealing key (they make one first)",
                          field));
      keys.put(officer, Base64.getUrlDecoder().decode(key.publicKey()));
    }
    try {
      byte[] plain = CanonicalJson.canonicalize(Json.mapper().valueToTree(d.informant()));
      return OfficerSealer.seal(plain, keys, aad(d.leadId(), me));
    } catch (RuntimeException e) {
      throw new IllegalStateException("sealing failed for lead " + d.leadId());
    }
  }

  /** The lead itself must not name the informant: the lead is shared and indexed in clear. */
  private static void refuseIdentityInLead(Lead lead, Informant who) {
    StringBuilder text = new StringBuilder();
    text.append(lead.title()).append('\n').append(lead.narrative()).append('\n');
    if (lead.location() != null) {
      text.append(lead.location()).append('\n');
    }
    lead.entities().forEach(e -> text.append(e.value()).append('\n'));
    String all = text.toString().replaceAll("\\s", "");
    Map<String, String> parts = new TreeMap<>();
    parts.put("/informant/name", who.name());
    if (who.phone() != null) {
      parts.put("/informant/phone", who.phone());
    }
    if (who.idNumber() != null) {
      parts.put("/informant/idNumber", who.idNumber());
    }
    parts.forEach(
        (field, value) -> {
          String v = value.replaceAll("\\s", "");
          if (v.length() >= 2 && all.contains(v)) {
            throw new Invalid(
                "identity-in-lead",
                "the lead's own text names the informant; take it out of the lead first",
                field);
          }
        });
  }

  private static byte[] aad(String leadId, BureauId bureau) {
    return (AAD_PREFIX + leadId + ":" + bureau.code()).getBytes(StandardCharsets.UTF_8);
  }

  private static SignedEnvelope sourceOf(Store s, String leadId) {
    if (!LeadIds.isValid(leadId)) {
      throw new NotFound("no report for lead " + leadId);
    }
    return s.record(sourceKey(leadId))
        .map(r -> SignedRecords.envelope(r.body()))
        .orElseThrow(() -> new NotFound("no report for lead " + leadId));
  }

  private static boolean visible(Principal p, SignedEnvelope env) {
    if (env.signer().equals(p.bureau())) {
      return true;
    }
    JsonNode identity = env.payload().get("identity");
    return identity != null && sealedOf(identity).opener(p.officer()).isPresent();
  }

  private static OfficerSealed sealedOf(JsonNode identity) {
    try {
      return Json.mapper().treeToValue(identity, OfficerSealed.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sealed identity unreadable", e);
    }
  }

  private static Refused notAnOpener() {
    return new Refused(
        "not-an-opener",
        "Not chosen to open it",
        "the poster did not choose this officer to open the informant's identity");
  }

  private static ReportEntry line(
      SignedEnvelope env, List<ReportEntry.Opening> openings, LeadView view) {
    JsonNode p = env.payload();
    JsonNode identity = p.get("identity");
    List<String> openers =
        identity == null
            ? List.of()
            : sealedOf(identity).openers().stream().map(OfficerSealed.Opener::officer).toList();
    JsonNode reward = p.path("reward");
    var status = view == null ? null : view.status();
    return new ReportEntry(
        p.path("leadId").asText(),
        env.signer(),
        p.path("officer").asText(),
        LeadSource.valueOf(p.path("source").asText()),
        Instant.parse(p.path("receivedAt").asText()),
        Instant.parse(p.path("recordedAt").asText()),
        p.path("version").asLong(),
        identity != null,
        openers,
        view == null || view.lead() == null ? null : view.lead().title(),
        status == null ? null : status.state(),
        status == null ? null : status.owner(),
        status == null ? 0 : status.feedback().size(),
        status == null ? null : status.outcome(),
        status == null ? null : status.caseNumber(),
        RewardStatus.valueOf(reward.path("status").asText(RewardStatus.NOT_APPLIED.name())),
        reward.hasNonNull("note") ? reward.path("note").asText() : null,
        reward.hasNonNull("at") ? Instant.parse(reward.path("at").asText()) : null,
        openings);
  }

  /**
   * An opening names its lead, an officer of the signing bureau and its time, and is kept under
   * exactly the key those make: a member cannot put another bureau's officer, or a second key for
   * one opening, into a register.
   */
  static boolean openedKeyFits(String key, JsonNode p, BureauId signer) {
    String leadId = p.path("leadId").asText();
    String officer = p.path("officer").asText();
    if (!LeadIds.isValid(leadId) || !officer.startsWith(signer.code() + "-")) {
      return false;
    }
    try {
      Instant at = Instant.parse(p.path("at").asText());
      return key.equals("opened-" + leadId + "-" + officer + "-" + at.toEpochMilli());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** When the officer may try again, if {@link #MAX_WRONG_PASSPHRASES} are in the window. */
  private Optional<Instant> lockedUntil(String officer, Instant now) {
    Deque<Instant> wrong = wrongPassphrases.get(officer);
    if (wrong == null) {
      return Optional.empty();
    }
    synchronized (wrong) {
      while (!wrong.isEmpty() && !wrong.peekFirst().plus(GUESS_WINDOW).isAfter(now)) {
        wrong.pollFirst();
      }
      return wrong.size() < MAX_WRONG_PASSPHRASES
          ? Optional.empty()
          : Optional.of(wrong.peekFirst().plus(GUESS_WINDOW));
    }
  }

  private void wrongPassphrase(String officer, Instant at) {
    Deque<Instant> wrong = wrongPassphrases.computeIfAbsent(officer, o -> new ArrayDeque<>());
    synchronized (wrong) {
      wrong.addLast(at);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
