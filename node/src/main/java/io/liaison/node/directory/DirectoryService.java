package io.liaison.node.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.Directory;
import io.liaison.api.lead.DirectoryEntry;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.domain.Invalid;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liaison directory: each bureau publishes its contacts as a signed, versioned record (grid map
 * {@code liaison.directory}, key {@code directory-<bureau>}); every node verifies and keeps every
 * bureau's latest version. Notifications name the contacts of the bureau concerned from here.
 */
public final class DirectoryService {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);
  public static final String KIND = "directory";
  static final String TYPE = "directory";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final AuditLog audit;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final Clock clock;
  private final GridReconciler reconciler;

  public DirectoryService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.audit = new AuditLog(trust);
    this.grid = grid;
    this.quarantine = quarantine;
    this.clock = clock;
    this.reconciler = new GridReconciler(vertx, store, grid, KIND, this::receive, quarantine);
  }

  /** Anti-entropy of the directory map. */
  public GridReconciler reconciler() {
    return reconciler;
  }

  public static String key(BureauId bureau) {
    return "directory-" + bureau.code();
  }

  /** Signs and shares a new version of this bureau's directory. */
  public Future<Directory> publish(List<DirectoryEntry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).officer().startsWith(trust.bureau().code() + "-")) {
        throw new Invalid(
            "foreign-officer",
            "a contact must be an officer of bureau " + trust.bureau(),
            "/entries/" + i + "/officer");
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = key(trust.bureau());
    return store
        .call(
            s -> {
              Optional<SignedEnvelope> prev = current(s, id);
              long version = prev.map(p -> p.payload().path("version").asLong()).orElse(0L) + 1;
              Directory d = new Directory(trust.bureau(), version, now, entries);
              ObjectNode payload = Json.mapper().valueToTree(d);
              payload.put("type", TYPE);
              SignedEnvelope env =
                  trust.sign(payload, prev.map(SignedEnvelope::hash).orElse(Hashes.GENESIS), now);
              put(s, id, env);
              audit.append(s, id, env, now);
              return env;
            })
        .compose(
            env ->
                vertx.executeBlocking(
                    () -> {
                      grid.set(id, json(env));
                      return parse(env);
                    },
                    false))
        .onSuccess(
            d -> LOG.info("directory published bureau={} version={}", d.bureau(), d.version()));
  }

  /** Takes a directory seen on the grid: verified, signer = bureau of the key, newer than ours. */
  public Future<Boolean> receive(String key, String json) {
    SignedEnvelope env;
    try {
      env = SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return quarantine.refuse(reconciler, "", key, "MALFORMED", "not a signed envelope", json);
    }
    if (!trust.verify(env).isValid()
        || !key.equals(key(env.signer()))
        || !TYPE.equals(env.payload().path("type").asText())) {
      return quarantine.refuse(
          reconciler, "", key, "BAD_DIRECTORY", "signature, signer or type wrong", json);
    }
    return store
        .call(
            s -> {
              long incoming = env.payload().path("version").asLong();
              long stored =
                  current(s, key).map(p -> p.payload().path("version").asLong()).orElse(0L);
              if (incoming <= stored) {
                return false;
              }
              put(s, key, env);
              return true;
            })
        // an older version played back is replaced by the one this node holds
        .compose(
            taken ->
                taken ? Future.succeededFuture(true) : reconciler.repair(key, json).map(false));
  }

  /** Every bureau's latest directory held by this node. */
  public Future<List<Directory>> all() {
    return store.call(
        s ->
            s.recordsWhere(KIND, "1=1", List.of(), null, 1000).stream()
                .map(r -> parse(SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8))))
                .sorted(Comparator.comparing(Directory::bureau))
                .toList());
  }

  /** The contacts of a bureau, for notifications (store thread). */
  public static List<DirectoryEntry> contacts(Store s, BureauId bureau) {
    return current(s, key(bureau)).map(e -> parse(e).entries()).orElse(List.of());
  }

  private static Optional<SignedEnvelope> current(Store s, String id) {
    return s.record(id).map(r -> SignedRecords.envelope(r.body()));
  }

  private static void put(Store s, String id, SignedEnvelope env) {
    SignedRecords.put(s, id, KIND, env);
  }

  private static String json(SignedEnvelope env) {
    return SignedRecords.json(env);
  }

  static Directory parse(SignedEnvelope env) {
    ObjectNode p = env.payload().deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, Directory.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored directory unreadable", e);
    }
  }
}
