package io.liaison.node.cluster;

import com.hazelcast.map.IMap;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention on the grid for one shared map (docs/architecture.md, "Retention on the grid"): how
 * long a stored record still belongs on the grid (its settled time plus the node's {@code
 * cluster.gridRetentionSeconds}), the expiry a write of it by this node sets, and letting go of
 * entries the grid still holds past their retention. Used by {@link GridReconciler}.
 */
final class GridRetention {
  private static final Logger LOG = LoggerFactory.getLogger(GridRetention.class);
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final IMap<String, String> grid;
  private volatile BooleanSupplier expiring = () -> true;

  GridRetention(Vertx vertx, StoreExecutor store, IMap<String, String> grid) {
    this.vertx = vertx;
    this.store = store;
    this.grid = grid;
  }

  /**
   * Entries leave the grid only while {@code gate} holds (see {@link
   * GridReconciler#expiringOnlyWhile}).
   */
  void expiringOnlyWhile(BooleanSupplier gate) {
    this.expiring = gate;
  }

  /** {@link #remaining}: the record never leaves the grid (Hazelcast's TTL 0, no expiry). */
  static final long FOREVER = 0;

  /** {@link #remaining}: the record's retention on the grid is over; it does not go back. */
  static final long GONE = -1;

  /**
   * How long record {@code r} still stays on the grid, in ms: {@link #FOREVER} if it needs a
   * cluster-wide decision (an open lead, any record of a map without retention), {@link #GONE} if
   * it settled more than the grid retention ago (docs/architecture.md, "Retention on the grid").
   */
  long remaining(StoredRecord r) {
    Long settled = r.facts().settledAt();
    if (settled == null || !expiring.getAsBoolean()) {
      return FOREVER;
    }
    long left = settled + store.gridRetention().toMillis() - System.currentTimeMillis();
    return left > 0 ? left : GONE;
  }

  /**
   * After a write of {@code key} by this node (a put-back, a repair): the entry leaves the grid
   * after {@code ttl} ms ({@link #FOREVER}: left as written; {@link #GONE}: at once). Blocking.
   */
  void keepFor(String key, long ttl) {
    if (ttl != FOREVER) {
      grid.setTtl(key, ttl == GONE ? 1 : ttl, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * After this node committed a record that has settled (a lead's final transition): its grid entry
   * leaves the grid at the end of its retention. The write itself set no expiry (the entry
   * processor that decides a transition writes as any other); the reconciliation lets go of an
   * entry whose retention is over should this node stop before it gets here. Never fails.
   */
  public Future<Void> settle(StoredRecord r) {
    long ttl = remaining(r);
    if (ttl == FOREVER) {
      return Future.succeededFuture();
    }
    return vertx
        .executeBlocking(
            () -> {
              keepFor(r.id(), ttl);
              return (Void) null;
            },
            false)
        .recover(
            e -> {
              LOG.warn(
                  "grid entry expiry not set map={} key={}: {}",
                  grid.getName(),
                  r.id(),
                  e.toString());
              return Future.succeededFuture();
            });
  }

  /**
   * Of the {@code keys} whose grid value differs from the records the store has on the grid ({@code
   * local}), those the store holds with the same value but whose retention on the grid is over (a
   * writer stopped before it set the entry's expiry, or it is a moment early): let go of on the
   * grid (expired now) rather than fetched; the others are returned.
   */
  Future<List<String>> letGo(
      List<String> keys, Map<String, String> local, Map<String, String> remote) {
    List<String> unknown = keys.stream().filter(k -> !local.containsKey(k)).toList();
    if (unknown.isEmpty() || !expiring.getAsBoolean()) {
      return Future.succeededFuture(keys);
    }
    Set<String> retired = new HashSet<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < unknown.size(); i += BATCH) {
      List<String> batch = unknown.subList(i, Math.min(unknown.size(), i + BATCH));
      chain =
          chain.compose(
              v ->
                  store
                      .call(s -> s.hashesOf(batch))
                      .compose(
                          held ->
                              vertx.executeBlocking(
                                  () -> {
                                    held.forEach(
                                        (k, h) -> {
                                          if (h.equals(remote.get(k))) {
                                            keepFor(k, GONE);
                                            retired.add(k);
                                          }
                                        });
                                    return (Void) null;
                                  },
                                  false)));
    }
    return chain.map(
        v -> {
          if (!retired.isEmpty()) {
            LOG.info(
                "grid entries past their retention let go map={} entries={}",
                grid.getName(),
                retired.size());
          }
          return keys.stream().filter(k -> !retired.contains(k)).toList();
        });
  }
}
