package io.liaison.node.informant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.lead.LeadView;
import io.liaison.crypto.KeyFiles;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.AuditLog;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * What the informant rooms share: the node's store, trust, audit log, grid map and clock, and the
 * two steps every change ends with (sign-keep-chain on the store thread, then share on the grid).
 */
final class InformantParts {
  final Vertx vertx;
  final StoreExecutor store;
  final TrustService trust;
  final AuditLog audit;
  final IMap<String, String> grid;
  final Quarantine quarantine;
  final Function<String, Future<LeadView>> leads;
  final KeyFiles.Kdf kdf;
  private final Clock clock;

  InformantParts(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      Function<String, Future<LeadView>> leads,
      KeyFiles.Kdf kdf,
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
  }

  /**
   * Signs {@code payload} after {@code prevHash}, keeps it as {@code id} and chains it (store
   * thread).
   */
  SignedEnvelope signAndKeep(Store s, String id, ObjectNode payload, String prevHash, Instant now) {
    SignedEnvelope env = trust.sign(payload, prevHash, now);
    SignedRecords.put(s, id, InformantService.KIND, env);
    audit.append(s, id, env, now);
    return env;
  }

  Future<SignedEnvelope> share(String id, SignedEnvelope env) {
    String json = SignedRecords.json(env);
    return vertx.executeBlocking(
        () -> {
          grid.set(id, json);
          return env;
        },
        false);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
