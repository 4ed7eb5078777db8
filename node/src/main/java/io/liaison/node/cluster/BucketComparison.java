package io.liaison.node.cluster;

import com.hazelcast.map.IMap;
import io.liaison.node.store.RecordBuckets;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a reconciliation ({@link GridReconciler}): compares the store's bucket digests
 * of the records that belong on the grid (kept with every write; records whose retention on the
 * grid has passed are taken out first, {@link #retire}) with the grid's (summed where the entries
 * live, {@link BucketDigests}), then lists ids and hashes on both sides only in the buckets that
 * differ; the store's side lists only records that belong on the grid. A node whose store agrees
 * with the grid reads 4,096 sums from each side and nothing else from the store.
 */
final class BucketComparison {
  private static final Logger LOG = LoggerFactory.getLogger(BucketComparison.class);

  /**
   * Above this many differing buckets (an eighth), each side is listed whole and filtered: one scan
   * of the store's covering index is cheaper than looking up most buckets one by one.
   */
  static final int LIST_ALL_ABOVE = RecordBuckets.COUNT / 8;

  /**
   * What differs: id → hash on the store's side (of the records that belong on the grid, {@code
   * local}) and the grid's ({@code remote}) in the {@code buckets} differing buckets; {@code
   * storeRecords} of the kind in the store in all; {@code storeMillis} and {@code gridMillis} the
   * time each side's digests took.
   */
  record Differences(
      Map<String, String> local,
      Map<String, String> remote,
      int buckets,
      long storeRecords,
      long storeMillis,
      long gridMillis) {}

  private BucketComparison() {}

  static Future<Differences> compare(
      Vertx vertx, StoreExecutor store, IMap<Object, Object> grid, String kind) {
    long t0 = System.nanoTime();
    long[] at = new long[2]; // when the store's and the grid's digests were in
    long cutoff = System.currentTimeMillis() - store.gridRetention().toMillis();
    return retire(store, cutoff)
        .compose(v -> store.call(s -> s.gridDigests(kind)))
        .compose(
            local -> {
              at[0] = System.nanoTime();
              return gridDigests(vertx, grid)
                  .compose(
                      remote -> {
                        at[1] = System.nanoTime();
                        BitSet differ =
                            remote.isPresent()
                                ? differing(local.buckets(), remote.get())
                                : everyBucket();
                        return list(vertx, store, grid, kind, differ)
                            .map(
                                both ->
                                    new Differences(
                                        both.get(0),
                                        both.get(1),
                                        differ.cardinality(),
                                        local.records(),
                                        (at[0] - t0) / 1_000_000,
                                        (at[1] - at[0]) / 1_000_000));
                      });
            });
  }

  /**
   * Takes out of the store's grid digests every record whose retention on the grid ended at {@code
   * cutoff}, a few thousand per store transaction (the first pass after an upgrade, or after a long
   * stop, may retire many).
   */
  static Future<Void> retire(StoreExecutor store, long cutoff) {
    return store
        .transaction(s -> s.retire(cutoff, RETIRE_BATCH))
        .compose(n -> n < RETIRE_BATCH ? Future.succeededFuture() : retire(store, cutoff));
  }

  private static final int RETIRE_BATCH = 5_000;

  /**
   * The grid's bucket digests, or empty where they cannot be had: a member of an earlier release
   * (during a rolling upgrade) has no {@link BucketDigests} class and fails the aggregation. The
   * map is then listed whole with {@link HashProjection}, which every release has, as before the
   * digests.
   */
  private static Future<Optional<long[]>> gridDigests(Vertx vertx, IMap<Object, Object> grid) {
    return vertx
        .executeBlocking(() -> grid.aggregate(new BucketDigests()), false)
        // an empty map aggregates to null on some members' answers: all zero then
        .map(r -> Optional.of(r == null ? new long[RecordBuckets.COUNT] : r))
        .recover(
            e -> {
              LOG.warn(
                  "bucket digests of map {} not available on every member ({}): listing it whole",
                  grid.getName(),
                  e.toString());
              return Future.succeededFuture(Optional.empty());
            });
  }

  private static BitSet everyBucket() {
    BitSet all = new BitSet(RecordBuckets.COUNT);
    all.set(0, RecordBuckets.COUNT);
    return all;
  }

  private static BitSet differing(long[] local, long[] remote) {
    BitSet out = new BitSet(RecordBuckets.COUNT);
    for (int b = 0; b < RecordBuckets.COUNT; b++) {
      if (local[b] != remote[b]) {
        out.set(b);
      }
    }
    return out;
  }

  /** Store's and grid's id → hash in the differing buckets (nothing is read if none differ). */
  private static Future<List<Map<String, String>>> list(
      Vertx vertx, StoreExecutor store, IMap<Object, Object> grid, String kind, BitSet differ) {
    if (differ.isEmpty()) {
      return Future.succeededFuture(List.of(Map.of(), Map.of()));
    }
    boolean all = differ.cardinality() > LIST_ALL_ABOVE;
    return store
        .call(
            s ->
                all
                    ? inBuckets(s.gridHashes(kind, null), differ)
                    : s.gridHashes(kind, differ.stream().boxed().toList()))
        .compose(
            local ->
                vertx
                    .executeBlocking(() -> gridHashes(grid, differ, all), false)
                    .map(remote -> List.of(local, remote)));
  }

  /** Every key of the map in the buckets, with the hash of its value, computed where they live. */
  private static Map<String, String> gridHashes(
      IMap<Object, Object> grid, BitSet differ, boolean all) {
    Map<String, String> out = new HashMap<>();
    for (String kh :
        all
            ? grid.project(new HashProjection())
            : grid.project(new HashProjection(), new BucketFilter(differ))) {
      if (kh == null) {
        continue; // a key that is not a string: nothing of ours
      }
      String[] p = HashProjection.split(kh);
      if (differ.get(RecordBuckets.of(p[0]))) {
        out.put(p[0], p[1]);
      }
    }
    return out;
  }

  private static Map<String, String> inBuckets(Map<String, String> hashes, BitSet buckets) {
    hashes.keySet().removeIf(id -> !buckets.get(RecordBuckets.of(id)));
    return hashes;
  }
}
