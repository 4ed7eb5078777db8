package io.liaison.node.cluster;

import com.hazelcast.map.IMap;
import io.liaison.crypto.Hashes;
import io.liaison.node.store.KnownRecords;
import io.liaison.node.store.RecordBuckets;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anti-entropy between the node's store and one shared map, by record id and content hash, in
 * batches: what the grid has and the store lacks (or holds differently) is handed to the feature's
 * receive function (which verifies it and takes it in, or quarantines it); what the store has and
 * the grid lacks is put back on the grid (after a full-cluster restart the grid is empty and the
 * stores are the record) — unless its retention on the grid is over (a shared case, a final lead
 * settled longer than {@code cluster.gridRetentionSeconds} ago: served from the stores only, see
 * docs/architecture.md, "Retention on the grid"); what goes back leaves the grid when its retention
 * ends. One instance per shared map: leads, cases, ….
 *
 * <p>Ids and hashes are listed only in the buckets whose digests differ between the store and the
 * grid ({@link BucketComparison}): a node whose store agrees with the grid reads no record.
 *
 * <p>Why over 400 lines: one anti-entropy pass (handing over what differs, putting back what the
 * grid lacks, repairing foreign and oversized values) whose steps share the batch state; finding
 * what differs is {@link BucketComparison}'s.
 */
public final class GridReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(GridReconciler.class);
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final IMap<String, String> grid;
  private final String kind;
  private final BiFunction<String, String, Future<Boolean>> receive;
  private final QuarantineSink quarantine;
  private final GridRetention retention;
  private boolean takesInAfterReady;

  /**
   * @param kind the store's record kind that the map holds
   * @param receive verifies and takes in one grid value (key, JSON); true if it was new
   * @param quarantine where values of another type than a string go
   */
  public GridReconciler(
      Vertx vertx,
      StoreExecutor store,
      IMap<String, String> grid,
      String kind,
      BiFunction<String, String, Future<Boolean>> receive,
      QuarantineSink quarantine) {
    this.vertx = vertx;
    this.store = store;
    this.grid = grid;
    this.kind = kind;
    this.receive = receive;
    this.quarantine = quarantine;
    this.retention = new GridRetention(vertx, store, grid);
  }

  /**
   * Lets entries of this map leave the grid (their retention, put-backs with what is left of it,
   * letting go of entries past it) only while {@code gate} holds; otherwise every record stays on
   * the grid as if it never settled. For a map that members of an earlier release read from the
   * grid (the audit chains): the gate is that every data member announces it reads them elsewhere.
   */
  public GridReconciler expiringOnlyWhile(BooleanSupplier gate) {
    retention.expiringOnlyWhile(gate);
    return this;
  }

  /**
   * A map nothing waits on before it is taken in (the audit chains): a starting node reconciles it
   * after it is ready, not before ({@code LiaisonNode}); its listener takes what changes meanwhile.
   */
  public GridReconciler takingInAfterReady() {
    takesInAfterReady = true;
    return this;
  }

  /** See {@link #takingInAfterReady}. */
  public boolean takesInAfterReady() {
    return takesInAfterReady;
  }

  /**
   * The longest value a shared map's entry may hold (characters): anything longer is an outsider's,
   * quarantined (hash, size, prefix) and repaired without being parsed.
   */
  public static final int MAX_VALUE_CHARS = 8 * 1024 * 1024;

  /**
   * Quarantines a value longer than {@link #MAX_VALUE_CHARS} seen under {@code key} and puts the
   * store's copy back in its place, or removes it where the store has none. Never throws.
   */
  public Future<Void> oversized(String key, String seen) {
    return setAside(
        key,
        seen,
        "TOO_LARGE",
        seen.length() + " characters, more than " + MAX_VALUE_CHARS,
        seen,
        "oversized");
  }

  /** The map this reconciler keeps. */
  public String mapName() {
    return grid.getName();
  }

  /** The kind of the store's records this map holds. */
  public String kind() {
    return kind;
  }

  /** The feature's receive: verifies and takes in one value (key, JSON); true if it was new. */
  public BiFunction<String, String, Future<Boolean>> receiver() {
    return receive;
  }

  /**
   * After this node committed a record that has settled (a lead's final transition): its grid entry
   * leaves the grid at the end of its retention ({@link GridRetention#settle}). Never fails.
   */
  public Future<Void> settle(StoredRecord r) {
    return retention.settle(r);
  }

  /** The map's entries as they are: anyone on the link can put any type under any key. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private IMap<Object, Object> raw() {
    return (IMap) grid;
  }

  /**
   * Takes care of a value of another type than a string seen under {@code key} (a string is a
   * record's JSON and goes to the feature's receive instead): quarantined (type and a prefix of its
   * text) and replaced on the grid by the store's copy, or removed where the store has none (no
   * value of another type belongs in our maps). Never throws.
   */
  public Future<Void> foreign(String key, Object seen) {
    if (seen == null || seen instanceof String) {
      return Future.succeededFuture();
    }
    String type = seen.getClass().getName();
    String text;
    try {
      text = String.valueOf(seen);
    } catch (RuntimeException e) {
      text = type;
    }
    return setAside(key, seen, "WRONG_TYPE", "a " + type + ", not a record", text, type);
  }

  /**
   * Quarantines {@code seen} (as {@code text}) and replaces it on the grid by the store's copy of
   * {@code key}, or removes it where the store has none; never fails.
   */
  private Future<Void> setAside(
      String key, Object seen, String reason, String detail, String text, String what) {
    Future<Void> kept =
        quarantine == null
            ? Future.succeededFuture()
            : quarantine.add(grid.getName() + "/" + key, reason, detail, text);
    return kept.recover(e -> Future.succeededFuture())
        .compose(v -> store.committedRecord(key))
        .compose(
            local -> {
              // a record whose retention on the grid is over does not go back: the value goes
              long ttl = local.map(retention::remaining).orElse(GridRetention.GONE);
              return vertx.executeBlocking(
                  () -> {
                    if (ttl == GridRetention.GONE) {
                      return raw().remove(key, seen);
                    }
                    boolean done = raw().replace(key, seen, local.get().body());
                    if (done) {
                      retention.keepFor(key, ttl);
                    }
                    return done;
                  },
                  false);
            })
        .map(
            done -> {
              LOG.warn(
                  "grid value set aside map={} key={} ({}) {}",
                  grid.getName(),
                  key,
                  what,
                  done ? "repaired" : "changed meanwhile");
              return (Void) null;
            })
        .recover(
            e -> {
              LOG.warn(
                  "grid value not set aside map={} key={} ({}): {}",
                  grid.getName(),
                  key,
                  what,
                  e.toString());
              return Future.succeededFuture();
            });
  }

  /** Outcome of one reconciliation pass. */
  public record Report(int taken, int restored, int unchanged, long millis) {}

  /**
   * A pass whose first half is done: what the grid held differently has been taken in ({@code
   * taken}); the {@code missing} records the grid lacks are being put back ({@code putBack}
   * completes when they are); ids were listed in {@code differing} buckets (of {@link
   * RecordBuckets#COUNT}).
   */
  public record Pass(int taken, int missing, int differing, Future<Report> putBack) {}

  /** A whole pass: takes in what the grid holds differently, then puts back what it lacks. */
  public Future<Report> reconcile() {
    return start().compose(Pass::putBack);
  }

  /**
   * Takes in what the grid holds differently from the store and completes; puts back what the grid
   * lacks in the background (see {@link Pass}). A node can serve once the first half is done: the
   * store has everything, and a transition that needs a grid entry not yet put back puts it back
   * itself ({@code putIfAbsent}, as the put-back does), so neither overwrites the other.
   */
  public Future<Pass> start() {
    return compareNow().get();
  }

  /**
   * {@link #start} in two steps: compares the bucket digests now, and takes in what differs when
   * the answer is called. A node compares every map at once (each comparison waits mostly on the
   * grid) and takes in map by map; what changes on the grid meanwhile reaches the map's listener,
   * attached before.
   */
  public Supplier<Future<Pass>> compareNow() {
    long t0 = System.nanoTime();
    Future<BucketComparison.Differences> compared =
        BucketComparison.compare(vertx, store, raw(), kind);
    return () -> compared.compose(d -> takeIn(d, t0));
  }

  private Future<Pass> takeIn(BucketComparison.Differences d, long t0) {
    return pull(d.local(), d.remote())
        .map(
            taken -> {
              List<String> missing =
                  d.local().keySet().stream().filter(k -> !d.remote().containsKey(k)).toList();
              LOG.info(
                  "reconciling map={} taken={} missing={} local={} in {} ms"
                      + " (store digest {} ms, grid digest {} ms, {} of {} buckets differ)",
                  grid.getName(),
                  taken,
                  missing.size(),
                  d.storeRecords(),
                  (System.nanoTime() - t0) / 1_000_000,
                  d.storeMillis(),
                  d.gridMillis(),
                  d.buckets(),
                  RecordBuckets.COUNT);
              return new Pass(
                  taken,
                  missing.size(),
                  d.buckets(),
                  push(d.local(), missing, d.storeRecords(), taken, t0));
            });
  }

  /** Fetches, in batches, what the grid holds differently from the store, and takes it in. */
  private Future<Integer> pull(Map<String, String> local, Map<String, String> remote) {
    List<String> differ = new ArrayList<>();
    remote.forEach(
        (k, h) -> {
          if (!h.equals(local.get(k))) {
            differ.add(k);
          }
        });
    return retention.letGo(differ, local, remote).compose(keys -> pullKeys(keys, local));
  }

  private Future<Integer> pullKeys(List<String> keys, Map<String, String> local) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (int i = 0; i < keys.size(); i += BATCH) {
      Set<String> batch = new HashSet<>(keys.subList(i, Math.min(keys.size(), i + BATCH)));
      chain =
          chain.compose(
              n ->
                  vertx
                      .executeBlocking(() -> rawAll(batch), false)
                      .compose(values -> takeDiffering(values, local))
                      .map(taken -> n + taken));
    }
    return chain;
  }

  // Object values, not a record: the grid's values as they are, so that one another member put that
  // is not the signed JSON string reaches foreign() (quarantine) instead of failing the batch
  private Map<String, Object> rawAll(Set<String> keys) {
    Map<String, Object> out = new HashMap<>();
    raw().getAll(new HashSet<>(keys)).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * Hands each grid value that differs from the store's copy to the feature's receive (a value of
   * another type to {@link #foreign}); the number it took in as new. One value that fails does not
   * fail the others (start-up waits for this).
   */
  private Future<Integer> takeDiffering(Map<String, ?> values, Map<String, String> local) {
    List<Future<Boolean>> fs = new ArrayList<>();
    List<GridIntake.Value> differing = new ArrayList<>();
    values.forEach(
        (k, value) -> {
          if (!(value instanceof String v)) {
            fs.add(foreign(k, value).map(false));
            return;
          }
          if (v.equals(PutIfAbsentProcessor.SAME)) {
            return;
          }
          if (v.length() > MAX_VALUE_CHARS) {
            fs.add(oversized(k, v).map(false));
            return;
          }
          String h = Hashes.sha256Hex(v.getBytes(StandardCharsets.UTF_8));
          if (!h.equals(local.get(k))) {
            if (receive instanceof GridIntake) {
              differing.add(new GridIntake.Value(k, v));
            } else {
              fs.add(safely(k, v));
            }
          }
        });
    // with a batching intake, the page's values in one batch: one store transaction
    Future<Integer> batched =
        !(receive instanceof GridIntake intake) || differing.isEmpty()
            ? Future.succeededFuture(0)
            : intake
                .takeAll(differing)
                .map(taken -> (int) taken.stream().filter(t -> t).count())
                .recover(
                    e -> {
                      LOG.warn(
                          "grid values not taken in map={} values={}: {}",
                          grid.getName(),
                          differing.size(),
                          e.toString());
                      return Future.succeededFuture(0);
                    });
    return Future.join(fs)
        .transform(
            cf ->
                batched.map(
                    b -> b + (int) fs.stream().filter(f -> f.succeeded() && f.result()).count()));
  }

  /**
   * Takes in values a peer's store sent ({@link StoreExchange}) as if they were grid values: each
   * verified by the feature's receive, quarantined if it fails. A value of another type or too long
   * is quarantined without being parsed (the grid is not touched: it was not the grid's). The
   * number taken in as new.
   */
  public Future<Integer> takeFromPeer(String peer, Map<String, Object> values) {
    Map<String, String> records = new HashMap<>();
    List<Future<Void>> bad = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          if (v instanceof String s && s.length() <= MAX_VALUE_CHARS) {
            records.put(k, s);
          } else if (quarantine != null) {
            String text = String.valueOf(v);
            bad.add(
                quarantine
                    .add(
                        "peer/" + peer + "/" + kind + "/" + k,
                        v instanceof String ? "TOO_LARGE" : "WRONG_TYPE",
                        "from bureau " + peer + "'s store",
                        text)
                    .recover(e -> Future.succeededFuture()));
          }
        });
    return Future.join(bad).transform(x -> takeDiffering(records, Map.of()));
  }

  /** The feature's receive of one value; an exception or failure is logged, not passed on. */
  private Future<Boolean> safely(String key, String value) {
    Future<Boolean> f;
    try {
      f = receive.apply(key, value);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.recover(
        e -> {
          LOG.warn("grid value not taken in map={} key={}: {}", grid.getName(), key, e.toString());
          return Future.succeededFuture(false);
        });
  }

  /**
   * After the grid showed {@code seen} under {@code key}: if the store holds another (verified)
   * copy, puts it back on the grid with a compare-and-set, so that an outsider's edit, a forgery or
   * an older copy is undone without overwriting a newer value someone else put meanwhile.
   */
  public Future<Void> repair(String key, String seen) {
    return store
        .committedRecord(key)
        .compose(local -> putBack(key, seen, local.map(r -> r.body()).orElse(null)));
  }

  /**
   * Puts the store's copy of {@code key} back on the grid unless the grid has a value for it (the
   * put-back of {@link #reconcile} for one record, for a caller that found it missing before the
   * put-back reached it). False if the store has no such record.
   */
  public Future<Boolean> restore(String key) {
    return store
        .committedRecord(key)
        .compose(
            local -> {
              if (local.isEmpty()) {
                return Future.succeededFuture(false);
              }
              long ttl = retention.remaining(local.get());
              if (ttl == GridRetention.GONE) {
                // its retention on the grid is over: served from the stores, never put back
                return Future.succeededFuture(false);
              }
              store.known().remember(key, local.get().hash());
              // as putIfAbsent, but a value of another type is not kept (see PutIfAbsentProcessor)
              return vertx
                  .executeBlocking(
                      () -> {
                        String before =
                            grid.submitToKey(key, new PutIfAbsentProcessor(local.get().body()))
                                .toCompletableFuture()
                                .get();
                        if (before == null) {
                          retention.keepFor(key, ttl);
                        }
                        return before;
                      },
                      false)
                  .map(true);
            });
  }

  /**
   * {@link #repair} when the caller has just read the store's copy ({@code local}, null if none):
   * replaces {@code seen} by it on the grid unless they are the same.
   */
  public Future<Void> putBack(String key, String seen, String local) {
    if (local == null || local.equals(seen)) {
      return Future.succeededFuture();
    }
    return vertx
        .executeBlocking(() -> grid.replace(key, seen, local), false)
        .compose(
            replaced -> {
              if (!replaced) {
                return Future.succeededFuture();
              }
              LOG.warn("grid entry repaired map={} key={} from local copy", grid.getName(), key);
              // the repair is a write: the entry keeps only what is left of its retention
              return store
                  .committedRecord(key)
                  .compose(r -> r.isPresent() ? settle(r.get()) : Future.succeededFuture());
            });
  }

  /**
   * Puts back, in batches, what the store has and the grid lacks (after a full-cluster restart: the
   * whole store), each with {@code putIfAbsent}: a key that is on the grid after all (put meanwhile
   * by a transition or another node, or missed by the hash snapshot while partitions migrated) is
   * not overwritten; its value is taken in like a pulled one if it differs from the store's.
   */
  private Future<Report> push(
      Map<String, String> local, List<String> missing, long stored, int taken, long t0) {
    KnownRecords known = store.known();
    Progress progress = new Progress(missing.size());
    Future<Integer> chain = Future.succeededFuture(0);
    for (int i = 0; i < missing.size(); i += BATCH) {
      List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
      chain =
          chain.compose(
              n ->
                  store
                      .call(s -> s.records(batch))
                      // a record whose retention on the grid ended since it was listed stays off
                      .map(
                          all ->
                              all.stream()
                                  .filter(r -> retention.remaining(r) != GridRetention.GONE)
                                  .toList())
                      .compose(
                          records ->
                              vertx
                                  .executeBlocking(
                                      () -> {
                                        // the echo of what is put back is known: not verified
                                        records.forEach(r -> known.remember(r.id(), r.hash()));
                                        return putIfAbsent(records);
                                      },
                                      false)
                                  .compose(
                                      present ->
                                          takeDiffering(present, local)
                                              .map(
                                                  x ->
                                                      progress.add(
                                                          n + records.size() - present.size(),
                                                          batch.size())))));
    }
    return chain
        .map(
            restored ->
                new Report(
                    taken, restored, (int) stored - restored, (System.nanoTime() - t0) / 1_000_000))
        .onSuccess(
            r ->
                LOG.info(
                    "reconciled map={} taken={} restored={} local={} in {} ms",
                    grid.getName(),
                    r.taken(),
                    r.restored(),
                    r.unchanged() + r.restored(),
                    r.millis()))
        .onFailure(
            e ->
                LOG.warn(
                    "putting records back failed map={} after {} of {}: {}",
                    grid.getName(),
                    progress.done,
                    missing.size(),
                    e.toString()));
  }

  /**
   * Puts each record on the grid unless its key is there; the values found there instead ({@link
   * PutIfAbsentProcessor#SAME} where it was the same).
   */
  private Map<String, String> putIfAbsent(List<StoredRecord> records) throws Exception {
    Map<String, CompletableFuture<String>> puts = new HashMap<>();
    for (StoredRecord r : records) {
      puts.put(
          r.id(),
          grid.submitToKey(r.id(), new PutIfAbsentProcessor(r.body())).toCompletableFuture());
    }
    Map<String, String> present = new HashMap<>();
    for (var e : puts.entrySet()) {
      String before = e.getValue().get();
      if (before != null) {
        // SAME stays in: it was not put back; takeDiffering skips it (not a record)
        present.put(e.getKey(), before);
      }
    }
    // what was put back leaves the grid when its retention ends, not a whole retention from now
    for (StoredRecord r : records) {
      if (!present.containsKey(r.id())) {
        long ttl = retention.remaining(r);
        if (ttl != GridRetention.FOREVER && ttl != GridRetention.GONE) {
          retention.keepFor(r.id(), ttl);
        }
      }
    }
    return present;
  }

  /** Counts what has been put back and logs it every ten seconds on long put-backs. */
  private final class Progress {
    private final int total;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private int done;

    Progress(int total) {
      this.total = total;
    }

    /** Adds a batch of {@code size}; returns {@code n} (the records put back so far). */
    int add(int n, int size) {
      done += size;
      long now = System.nanoTime();
      if (now - lastLog > 10_000_000_000L) {
        lastLog = now;
        LOG.info(
            "putting records back map={} {}/{} ({} /s)",
            grid.getName(),
            done,
            total,
            (long) (done / ((now - started) / 1e9)));
      }
      return n;
    }
  }
}
