package io.liaison.node.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.settings.SettingsProposal;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the bureaus agree a versioned document together (协作约定, the reward sharing rule),
 * roster-like: each bureau signs its agreement to one version as its own envelope (on the grid map
 * given, key {@code <name>-<version>-<bureau>}, the document under {@code <name>} in the payload);
 * a version is agreed once every bureau of the roster has signed the same content — the roster of
 * that moment: a bureau that joins later does not un-agree it — and the newest agreed version is in
 * force. Every node keeps every agreement it verified in its store (kind {@code kind}); the grid is
 * the fast shared view and the reconciler puts back what it loses.
 *
 * @param <T> the agreed document (a record in {@code api} with a {@code version})
 */
public final class Agreements<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Agreements.class);

  /**
   * One version with who has signed it so far (awaiting empty: agreed, at {@code agreedAt}, the
   * signature that completed the roster of that moment; null while pending).
   */
  public record Version<T>(
      T content,
      String contentHash,
      BureauId proposedBy,
      List<SettingsProposal.Agreement> agreed,
      List<BureauId> awaiting,
      Instant agreedAt) {}

  /**
   * What the node holds.
   *
   * @param inForce the newest version every roster member signed, or null
   * @param pending versions newer than the one in force, with their signatures so far
   * @param agreed every version every roster member signed, newest first
   */
  public record State<T>(Version<T> inForce, List<Version<T>> pending, List<Version<T>> agreed) {}

  /** What differs between the documents agreed this way. */
  public record Kind<T>(
      String name, String storeKind, String type, Class<T> content, ToLongFunction<T> version) {
    String key(long v, BureauId bureau) {
      return name + "-" + v + "-" + bureau.code();
    }
  }

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final Clock clock;
  private final Kind<T> kind;
  private final Consumer<State<T>> onState;
  private final GridReconciler reconciler;

  /**
   * @param onState told the state on the store thread each time it is computed (after a load, a
   *     signature, or an agreement taken from the grid)
   */
  public Agreements(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Clock clock,
      Kind<T> kind,
      Consumer<State<T>> onState) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.clock = clock;
    this.kind = kind;
    this.onState = onState;
    this.reconciler =
        new GridReconciler(vertx, store, grid, kind.storeKind(), this::receive, quarantine);
  }

  public GridReconciler reconciler() {
    return reconciler;
  }

  /** Proposes the next version, signed by this bureau as its first agreement. */
  public Future<State<T>> propose(T content, String officer) {
    return store
        .call(
            s -> {
              long newest =
                  agreements(s).stream().mapToLong(a -> version(a.content())).max().orElse(0);
              long v = version(content);
              if (v != newest + 1) {
                throw new Conflict(
                    kind.name() + "-version", "the next version is " + (newest + 1) + ", not " + v);
              }
              return sign(s, content, officer);
            })
        .compose(this::share);
  }

  /** Signs this bureau's agreement to {@code version} as it stands (the content proposed). */
  public Future<State<T>> agree(long version, String contentHash, String officer) {
    return store
        .call(
            s -> {
              List<Agreement<T>> of =
                  agreements(s).stream().filter(a -> version(a.content()) == version).toList();
              if (of.isEmpty()) {
                throw new NotFound(kind.name() + " version " + version);
              }
              Set<String> contents = new TreeSet<>();
              of.forEach(a -> contents.add(a.contentHash()));
              String chosen = contentHash;
              if (chosen == null) {
                if (contents.size() > 1) {
                  throw new Conflict(
                      kind.name() + "-ambiguous",
                      "version " + version + " was proposed with different content: name it");
                }
                chosen = contents.iterator().next();
              } else if (!contents.contains(chosen)) {
                throw new Invalid(
                    kind.name() + "-unknown-content",
                    "no proposal with this content",
                    "/contentHash");
              }
              String want = chosen;
              T content =
                  of.stream()
                      .filter(a -> a.contentHash().equals(want))
                      .findFirst()
                      .orElseThrow()
                      .content();
              return sign(s, content, officer);
            })
        .compose(this::share);
  }

  private SignedEnvelope sign(Store s, T content, String officer) {
    BureauId me = trust.bureau();
    String id = kind.key(version(content), me);
    if (s.record(id).isPresent()) {
      throw new Conflict(
          kind.name() + "-signed", "this bureau has already signed version " + version(content));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", kind.type());
    payload.put("officer", officer);
    payload.set(kind.name(), Json.mapper().valueToTree(content));
    SignedEnvelope env = trust.sign(payload, Hashes.GENESIS, now);
    SignedRecords.put(s, id, kind.storeKind(), env);
    return env;
  }

  private Future<State<T>> share(SignedEnvelope env) {
    long v = version(parse(env));
    String id = kind.key(v, env.signer());
    return vertx
        .executeBlocking(
            () -> {
              grid.set(id, SignedRecords.json(env));
              return null;
            },
            false)
        .compose(x -> state())
        .onSuccess(x -> LOG.info("{} signed bureau={} version={}", kind.name(), env.signer(), v));
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
    T content;
    try {
      content = kind.type().equals(env.payload().path("type").asText()) ? parse(env) : null;
    } catch (RuntimeException e) {
      content = null;
    }
    if (content == null
        || !trust.verify(env).isValid()
        || !key.equals(kind.key(version(content), env.signer()))) {
      String reason = "BAD_" + kind.name().toUpperCase(Locale.ROOT).replace('-', '_');
      return quarantine
          .add(key, reason, "signature, signer, version or content wrong", json)
          .compose(v -> reconciler.repair(key, json))
          .map(false);
    }
    return store
        .call(
            s -> {
              if (s.record(key).isPresent()) {
                return false;
              }
              SignedRecords.put(s, key, kind.storeKind(), env);
              state(s);
              return true;
            })
        .compose(
            taken ->
                taken ? Future.succeededFuture(true) : reconciler.repair(key, json).map(false));
  }

  /** The version in force, the newer proposals and every agreed version. */
  public Future<State<T>> state() {
    return store.call(this::state);
  }

  /** The same on the store thread. */
  public State<T> state(Store s) {
    Set<BureauId> members = new TreeSet<>();
    Map<BureauId, Instant> joined = new TreeMap<>();
    for (Member m : trust.roster().members()) {
      members.add(m.bureau());
      m.keys().stream()
          .map(MemberKey::validFrom)
          .min(Comparator.naturalOrder())
          .ifPresent(t -> joined.put(m.bureau(), t));
    }
    // version → content hash → agreements in the order signed
    Map<Long, Map<String, List<Agreement<T>>>> byVersion = new TreeMap<>(Comparator.reverseOrder());
    for (Agreement<T> a : agreements(s)) {
      byVersion
          .computeIfAbsent(version(a.content()), v -> new LinkedHashMap<>())
          .computeIfAbsent(a.contentHash(), h -> new ArrayList<>())
          .add(a);
    }
    Version<T> inForce = null;
    List<Version<T>> pending = new ArrayList<>();
    List<Version<T>> agreed = new ArrayList<>();
    for (Map<String, List<Agreement<T>>> contents : byVersion.values()) {
      for (List<Agreement<T>> signed : contents.values()) {
        signed.sort(Comparator.comparing(Agreement::at));
        Set<BureauId> awaiting = new TreeSet<>(members);
        Instant agreedAt = agreedAt(signed, joined);
        if (agreedAt != null) {
          awaiting.clear();
        } else {
          signed.forEach(a -> awaiting.remove(a.bureau()));
        }
        Version<T> p =
            new Version<>(
                signed.get(0).content(),
                signed.get(0).contentHash(),
                signed.get(0).bureau(),
                signed.stream()
                    .map(a -> new SettingsProposal.Agreement(a.bureau(), a.officer(), a.at()))
                    .toList(),
                List.copyOf(awaiting),
                agreedAt);
        if (awaiting.isEmpty()) {
          agreed.add(p);
        }
        if (inForce != null) {
          continue; // older than the version in force: superseded
        }
        if (awaiting.isEmpty()) {
          inForce = p;
        } else {
          pending.add(p);
        }
      }
    }
    State<T> state = new State<>(inForce, List.copyOf(pending), List.copyOf(agreed));
    onState.accept(state);
    return state;
  }

  /**
   * When a content was agreed under the roster of its time (null: not agreed), for good: at one of
   * its signatures every bureau that was a member then (its first key valid from that moment or
   * before) had signed it. A bureau that joins later does not un-agree what the others agreed
   * before it came (review-4 R4-5: a newcomer that never signs would otherwise stop every
   * settlement under a rule agreed years before); it signs the versions proposed after it joined.
   */
  static <T> Instant agreedAt(List<Agreement<T>> signedInOrder, Map<BureauId, Instant> joined) {
    Set<BureauId> signers = new TreeSet<>();
    for (Agreement<T> a : signedInOrder) {
      signers.add(a.bureau());
      Set<BureauId> members = new TreeSet<>();
      joined.forEach(
          (bureau, since) -> {
            if (!since.isAfter(a.at())) {
              members.add(bureau);
            }
          });
      if (!members.isEmpty() && signers.containsAll(members)) {
        return a.at();
      }
    }
    return null;
  }

  /** One verified agreement held in the store. */
  private record Agreement<T>(
      T content, String contentHash, BureauId bureau, String officer, Instant at) {}

  private List<Agreement<T>> agreements(Store s) {
    List<Agreement<T>> out = new ArrayList<>();
    for (StoredRecord r : s.recordsWhere(kind.storeKind(), "1=1", List.of(), null, 10_000)) {
      SignedEnvelope env = SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
      JsonNode content = env.payload().path(kind.name());
      out.add(
          new Agreement<>(
              parse(env),
              Hashes.sha256Hex(CanonicalJson.canonicalize(content)),
              env.signer(),
              env.payload().path("officer").asText(),
              env.signedAt()));
    }
    return out;
  }

  private long version(T content) {
    return kind.version().applyAsLong(content);
  }

  T parse(SignedEnvelope env) {
    try {
      return Json.mapper().treeToValue(env.payload().path(kind.name()), kind.content());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(kind.name() + " unreadable", e);
    }
  }
}
