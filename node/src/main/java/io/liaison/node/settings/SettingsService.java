package io.liaison.node.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.settings.RegionSettings;
import io.liaison.api.settings.SettingsProposal;
import io.liaison.api.settings.SettingsView;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.NotFound;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules the bureaus agree together ({@link RegionSettings}), roster-like: each bureau signs its
 * agreement to one version as its own envelope (grid map {@code liaison.settings}, key {@code
 * settings-<version>-<bureau>}); a version is in force on a node once every bureau of the roster in
 * force has signed the same content, and the newest such version wins. Until then there is no
 * feedback period (nothing is overdue) and no major-case value: the node invents neither.
 *
 * <p>Every node keeps every agreement it verified in its store (kind {@code settings}); the grid is
 * the fast shared view and the reconciler puts back what it loses.
 */
public final class SettingsService {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);
  public static final String MAP = "liaison.settings";
  public static final String KIND = "settings";
  static final String TYPE = "region-settings";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final Clock clock;
  private final GridReconciler reconciler;
  private final AtomicReference<RegionSettings> inForce = new AtomicReference<>();
  private final AtomicReference<SettingsHistory> history =
      new AtomicReference<>(SettingsHistory.NONE);

  public SettingsService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.clock = clock;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  /** Reads the agreements this node holds and sets the version in force (before serving). */
  public Future<Void> load() {
    return store.call(this::view).map(v -> null);
  }

  /** The settings in force, if the bureaus have agreed any. */
  public Optional<RegionSettings> current() {
    return Optional.ofNullable(inForce.get());
  }

  /**
   * The settings that were in force at {@code at}: the newest version every bureau had signed by
   * then (what a past period is counted with: review-3 F13).
   */
  public Optional<RegionSettings> inForceAt(Instant at) {
    return history.get().at(at);
  }

  /** The agreed feedback period, if any (no agreement: no lead is ever overdue). */
  public Optional<Duration> feedbackPeriod() {
    return current().map(s -> Duration.ofDays(s.feedbackPeriodDays()));
  }

  /** The agreed major-case value in fen, if any. */
  public Optional<Long> majorCaseThresholdFen() {
    return current().map(RegionSettings::majorCaseThresholdFen);
  }

  static String key(long version, BureauId bureau) {
    return "settings-" + version + "-" + bureau.code();
  }

  /** Proposes the next version, signed by this bureau as its first agreement. */
  public Future<SettingsView> propose(RegionSettings settings, String officer) {
    return store
        .call(
            s -> {
              long newest =
                  agreements(s).stream().mapToLong(a -> a.settings().version()).max().orElse(0);
              if (settings.version() != newest + 1) {
                throw new Conflict(
                    "settings-version",
                    "the next version is " + (newest + 1) + ", not " + settings.version());
              }
              return sign(s, settings, officer);
            })
        .compose(this::share);
  }

  /** Signs this bureau's agreement to {@code version} as it stands (the content proposed). */
  public Future<SettingsView> agree(long version, String contentHash, String officer) {
    return store
        .call(
            s -> {
              List<Agreement> all = agreements(s);
              List<Agreement> of =
                  all.stream().filter(a -> a.settings().version() == version).toList();
              if (of.isEmpty()) {
                throw new NotFound("settings version " + version);
              }
              Set<String> contents = new TreeSet<>();
              of.forEach(a -> contents.add(a.contentHash()));
              String chosen = contentHash;
              if (chosen == null) {
                if (contents.size() > 1) {
                  throw new Conflict(
                      "settings-ambiguous",
                      "version " + version + " was proposed with different content: name it");
                }
                chosen = contents.iterator().next();
              } else if (!contents.contains(chosen)) {
                throw new Invalid(
                    "settings-unknown-content", "no proposal with this content", "/contentHash");
              }
              String want = chosen;
              RegionSettings content =
                  of.stream()
                      .filter(a -> a.contentHash().equals(want))
                      .findFirst()
                      .orElseThrow()
                      .settings();
              return sign(s, content, officer);
            })
        .compose(this::share);
  }

  private SignedEnvelope sign(Store s, RegionSettings settings, String officer) {
    BureauId me = trust.bureau();
    String id = key(settings.version(), me);
    if (s.record(id).isPresent()) {
      throw new Conflict(
          "settings-signed", "this bureau has already signed version " + settings.version());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", TYPE);
    payload.put("officer", officer);
    payload.set("settings", Json.mapper().valueToTree(settings));
    SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
    put(s, id, env);
    return env;
  }

  private Future<SettingsView> share(SignedEnvelope env) {
    String id = key(parse(env).version(), env.signer());
    return vertx
        .executeBlocking(
            () -> {
              grid.set(id, json(env));
              return null;
            },
            false)
        .compose(v -> view())
        .onSuccess(
            v ->
                LOG.info(
                    "settings signed bureau={} version={}", env.signer(), parse(env).version()));
  }

  /** Takes an agreement seen on the grid: verified, signer = bureau of the key, same version. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return quarantine
          .add(key, "MALFORMED", "not a signed envelope", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    RegionSettings settings;
    try {
      settings = TYPE.equals(env.payload().path("type").asText()) ? parse(env) : null;
    } catch (RuntimeException e) {
      settings = null;
    }
    if (settings == null
        || !trust.verify(env).isValid()
        || !key.equals(key(settings.version(), env.signer()))) {
      return quarantine
          .add(key, "BAD_SETTINGS", "signature, signer, version or content wrong", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    return store
        .call(
            s -> {
              if (s.record(key).isPresent()) {
                return false;
              }
              put(s, key, env);
              view(s);
              return true;
            })
        .compose(
            taken ->
                taken ? Future.succeededFuture(true) : reconciler.repair(key, json).map(false));
  }

  /** The version in force and the newer proposals. */
  public Future<SettingsView> view() {
    return store.call(this::view);
  }

  private SettingsView view(Store s) {
    Set<BureauId> members = new TreeSet<>();
    for (Member m : trust.roster().members()) {
      members.add(m.bureau());
    }
    // version → content hash → agreements in the order signed
    Map<Long, Map<String, List<Agreement>>> byVersion = new TreeMap<>(Comparator.reverseOrder());
    for (Agreement a : agreements(s)) {
      byVersion
          .computeIfAbsent(a.settings().version(), v -> new LinkedHashMap<>())
          .computeIfAbsent(a.contentHash(), h -> new ArrayList<>())
          .add(a);
    }
    SettingsProposal agreed = null;
    List<SettingsProposal> pending = new ArrayList<>();
    List<SettingsHistory.Entry> agreedSince = new ArrayList<>();
    for (Map<String, List<Agreement>> contents : byVersion.values()) {
      for (List<Agreement> signed : contents.values()) {
        signed.sort(Comparator.comparing(Agreement::at));
        Set<BureauId> awaiting = new TreeSet<>(members);
        signed.forEach(a -> awaiting.remove(a.bureau()));
        SettingsProposal p =
            new SettingsProposal(
                signed.get(0).settings(),
                signed.get(0).contentHash(),
                signed.get(0).bureau(),
                signed.stream()
                    .map(a -> new SettingsProposal.Agreement(a.bureau(), a.officer(), a.at()))
                    .toList(),
                List.copyOf(awaiting));
        if (awaiting.isEmpty()) {
          // in force from the last bureau's signature
          agreedSince.add(
              new SettingsHistory.Entry(signed.get(signed.size() - 1).at(), p.settings()));
        }
        if (agreed != null) {
          continue; // older than the version in force: superseded
        }
        if (awaiting.isEmpty()) {
          agreed = p;
        } else {
          pending.add(p);
        }
      }
    }
    RegionSettings now = agreed == null ? null : agreed.settings();
    RegionSettings before = inForce.getAndSet(now);
    history.set(new SettingsHistory(agreedSince));
    if (now != null && (before == null || before.version() != now.version())) {
      LOG.info("settings in force version={} bureau={}", now.version(), trust.bureau());
    }
    return new SettingsView(agreed, pending);
  }

  /** One verified agreement held in the store. */
  private record Agreement(
      RegionSettings settings, String contentHash, BureauId bureau, String officer, Instant at) {}

  private static List<Agreement> agreements(Store s) {
    List<Agreement> out = new ArrayList<>();
    for (StoredRecord r : s.recordsWhere(KIND, "1=1", List.of(), null, 10_000)) {
      SignedEnvelope env = SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
      JsonNode settings = env.payload().path("settings");
      out.add(
          new Agreement(
              parse(env),
              Hashes.sha256Hex(CanonicalJson.canonicalize(settings)),
              env.signer(),
              env.payload().path("officer").asText(),
              env.signedAt()));
    }
    return out;
  }

  private static void put(Store s, String id, SignedEnvelope env) {
    SignedRecords.put(s, id, KIND, env);
  }

  private static String json(SignedEnvelope env) {
    return SignedRecords.json(env);
  }

  static RegionSettings parse(SignedEnvelope env) {
    try {
      return Json.mapper().treeToValue(env.payload().path("settings"), RegionSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("settings unreadable", e);
    }
  }
}
