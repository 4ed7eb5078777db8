package io.liaison.node.audit;

import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.crypto.AuditChain;
import io.liaison.crypto.ChainVerdict;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.GridIntake;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.RecordFacts;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.SignedRecords;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares this bureau's audit chain on the grid ({@code liaison.audit}, key {@code bureau/seq}),
 * keeps every bureau's verified entries in the store (kind {@value #KIND}) and verifies any
 * bureau's chain from there, so every node can check every other bureau's record of what it signed:
 * a gap, a reordering or an edited entry is reported with its position.
 *
 * <p>An entry needs no cluster-wide decision once signed, so it leaves the grid the grid retention
 * after it was signed (docs/architecture.md, "Retention on the grid"); the chains are read from the
 * store, which the grid reconciliation and the store-to-store exchange keep complete.
 */
public final class AuditService {
  private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
  private static final int BATCH = 500;

  /** The store's record kind of every bureau's audit entries. */
  public static final String KIND = "audit";

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private final Quarantine quarantine;
  private final GridReconciler reconciler;
  private final GridIntake intake;
  private final BooleanSupplier expiring;
  private long published;
  private boolean publishing;
  private Boolean expiringBefore; // what expiring said at the last publish (null before the first)

  /**
   * @param expiring whether entries may leave the grid now: every data member announces {@link
   *     GridConfig#AUDIT_RETENTION}
   */
  public AuditService(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      IMap<String, String> grid,
      Quarantine quarantine,
      BooleanSupplier expiring) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
    this.quarantine = quarantine;
    this.expiring = expiring;
    this.intake = new GridIntake(GridConfig.AUDIT, this::receiveAll);
    this.reconciler =
        new GridReconciler(vertx, store, grid, KIND, intake, quarantine)
            .expiringOnlyWhile(expiring)
            .takingInAfterReady();
  }

  /** Anti-entropy of the audit map (and the store-to-store exchange of its kind). */
  public GridReconciler reconciler() {
    return reconciler;
  }

  /**
   * Puts chain entries not yet on the grid there (all of them after a restart). While every data
   * member announces {@link GridConfig#AUDIT_RETENTION} each goes for what is left of its retention
   * and one signed longer ago is only stored; otherwise (a member of an earlier release, or one
   * configured to keep them, reads chains from the grid) each stays, as before that release. When
   * that changes, the whole chain is published again the new way; once it allows expiry, the
   * reconciliation then lets go of the entries past their retention.
   */
  public Future<Integer> publish() {
    if (publishing) {
      return Future.succeededFuture(0);
    }
    boolean expires = expiring.getAsBoolean();
    Boolean before = expiringBefore;
    expiringBefore = expires;
    if (before != null && before != expires) {
      LOG.info(
          "audit entries {}: the whole chain is published again",
          expires
              ? "leave the grid after their retention (every member announces it)"
              : "stay on the grid (a member does not announce their retention)");
      Future<Void> again = republish();
      return (expires ? again.compose(v -> reconciler.reconcile().<Void>mapEmpty()) : again).map(0);
    }
    publishing = true;
    long from = published;
    long retention = store.gridRetention().toMillis();
    long[] begun = {from};
    return store
        .call(
            s -> {
              if (from == 0 && expires) {
                begun[0] =
                    settledUpTo(s, trust.bureau().code(), System.currentTimeMillis() - retention);
              }
              List<StoredRecord> records = new ArrayList<>();
              for (ChainEntry e : s.chainAfter(begun[0], BATCH)) {
                records.add(
                    stored(
                        key(trust.bureau().code(), e.seq()),
                        SignedRecords.envelope(e.envelope()),
                        e.envelope()));
              }
              keep(s, records);
              return records;
            })
        .compose(
            records -> {
              if (records.isEmpty()) {
                published = Math.max(published, begun[0]);
                return Future.succeededFuture(0);
              }
              return vertx
                  .executeBlocking(
                      () -> {
                        write(records, expires, retention);
                        return records.size();
                      },
                      false)
                  .map(
                      n -> {
                        String last = records.get(records.size() - 1).id();
                        published = seqOf(last, trust.bureau().code());
                        return n;
                      });
            })
        .onComplete(ar -> publishing = false)
        .onFailure(e -> LOG.warn("publishing audit chain failed: {}", e.getMessage()));
  }

  /**
   * The last seq up to which this bureau's chain needs no publishing (store thread): every entry up
   * to it is kept as a record and was signed before {@code cutoff} (its retention on the grid is
   * over). Both hold from the chain's start up to some seq (entries are signed, and kept as records
   * by {@link #publish}, in seq order), so it is found by bisection — ~2 log2(n) reads instead of
   * reading and parsing the whole chain after every start (a million entries: half an hour of
   * publishing at {@value #BATCH} a second).
   */
  static long settledUpTo(Store s, String bureau, long cutoff) {
    long lo = 0;
    long hi = s.chainHead().map(ChainEntry::seq).orElse(0L);
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      List<ChainEntry> at = s.chainAfter(mid - 1, 1);
      boolean settled =
          !at.isEmpty()
              && at.get(0).seq() == mid
              && SignedRecords.envelope(at.get(0).envelope()).signedAt().toEpochMilli() < cutoff
              && s.record(key(bureau, mid)).isPresent();
      if (settled) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Writes {@code records} on the grid: with what is left of each one's retention ({@code expires}:
   * one past it is not written), or to stay. Blocking.
   */
  private void write(List<StoredRecord> records, boolean expires, long retention) throws Exception {
    if (!expires) {
      Map<String, String> batch = new HashMap<>();
      records.forEach(r -> batch.put(r.id(), r.body()));
      grid.putAll(batch);
      return;
    }
    long now = System.currentTimeMillis();
    List<CompletableFuture<Void>> sets = new ArrayList<>();
    for (StoredRecord r : records) {
      long left = r.facts().settledAt() + retention - now;
      if (left > 0) {
        sets.add(
            grid.setAsync(r.id(), r.body(), left, TimeUnit.MILLISECONDS).toCompletableFuture());
      }
    }
    CompletableFuture.allOf(sets.toArray(CompletableFuture[]::new)).get();
  }

  /**
   * Takes an audit entry seen on the grid (or from a peer's store) through the batching intake,
   * with the entries that arrive with it ({@link #receiveAll}).
   */
  public Future<Boolean> receive(String key, String json) {
    return intake.apply(key, json);
  }

  /** Stops the intake's thread (node stop). */
  public void stop() {
    intake.stop();
  }

  /**
   * Takes audit entries seen together (on the intake's thread): one the store is known to hold as
   * it is (committed recently: this node's own, a put-back) is neither verified nor stored again
   * (the grid's listener skips what the store holds, and a reconciliation or the store exchange
   * fetches only what differs); one that is not a signed entry of the bureau and seq its key names
   * is quarantined and repaired; the others are stored in one transaction. An entry never changes:
   * another value under a key the store holds is replaced on the grid by the store's. For each, in
   * order: whether it was new.
   */
  private Future<List<Boolean>> receiveAll(List<GridIntake.Value> values) {
    List<Future<Boolean>> answers = new ArrayList<>(values.size());
    List<StoredRecord> fresh = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (GridIntake.Value v : values) {
      String key = v.key();
      String json = v.json();
      if (store.known().holds(key, Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8)))) {
        answers.add(Future.succeededFuture(false));
        continue;
      }
      SignedEnvelope env;
      try {
        env = SignedRecords.envelope(json);
      } catch (RuntimeException e) {
        answers.add(refuse(key, "MALFORMED", "not a signed envelope", json));
        continue;
      }
      long seq = env.payload().path(AuditChain.SEQ_FIELD).asLong(-1);
      if (!trust.verify(env).isValid() || seq < 1 || !key.equals(key(env.signer().code(), seq))) {
        answers.add(refuse(key, "BAD_AUDIT_ENTRY", "signature, signer or seq wrong", json));
        continue;
      }
      at.add(answers.size());
      answers.add(null);
      fresh.add(stored(key, env, json));
    }
    if (!fresh.isEmpty()) {
      Future<List<Boolean>> taken = store.transaction(s -> keep(s, fresh));
      for (int i = 0; i < fresh.size(); i++) {
        StoredRecord r = fresh.get(i);
        int n = i;
        answers.set(
            at.get(i),
            taken.compose(
                t ->
                    t.get(n) == null
                        ? Future.succeededFuture(false)
                        : t.get(n)
                            ? Future.succeededFuture(true)
                            : reconciler.repair(r.id(), r.body()).map(false)));
      }
    }
    return Future.join(answers).map(cf -> answers.stream().map(Future::result).toList());
  }

  /**
   * Stores each of {@code records} the store does not hold under its id (store thread; one look-up
   * for all): an entry never changes, so one held with another value is left as it is. Per record:
   * true stored, null held as it is, false held otherwise (the caller repairs the grid).
   */
  private static List<Boolean> keep(Store s, List<StoredRecord> records) {
    List<Boolean> out = new ArrayList<>(records.size());
    Map<String, String> held = s.hashesOf(records.stream().map(StoredRecord::id).toList());
    for (StoredRecord r : records) {
      String hash = held.get(r.id());
      if (hash == null) {
        s.putRecord(r);
        out.add(true);
      } else {
        out.add(hash.equals(r.hash()) ? null : false);
      }
    }
    return out;
  }

  /**
   * Quarantines a value that is no audit entry of the key's bureau and repairs the grid from the
   * store; under a key of this bureau that its chain does not have (an outsider's), this bureau's
   * node also removes it from the grid. Never true.
   */
  private Future<Boolean> refuse(String key, String reason, String detail, String json) {
    Future<Boolean> refused = quarantine.refuse(reconciler, "", key, reason, detail, json);
    if (!key.startsWith(trust.bureau().code() + "/")) {
      return refused;
    }
    return refused
        .compose(v -> store.committedRecord(key))
        .compose(
            local ->
                local.isPresent()
                    ? Future.succeededFuture(false)
                    : vertx.executeBlocking(
                        () -> {
                          if (grid.remove(key, json)) {
                            LOG.warn("audit entry this bureau never wrote removed key={}", key);
                          }
                          return false;
                        },
                        false));
  }

  /**
   * Verifies {@code bureau}'s chain as this node's store holds it (entries that failed verification
   * were never stored, so the chain shows a gap there), {@value #BATCH} entries at a time in seq
   * order: a chain of a million entries is never held at once (its seqs are, 8 bytes each).
   */
  public Future<ChainVerdict> verify(BureauId bureau) {
    AuditChain.Walk walk = new AuditChain.Walk(bureau, trust.verifier());
    return inSeqOrder(
            bureau.code(),
            page ->
                vertx.executeBlocking(
                    () -> {
                      page.forEach(r -> walk.take(SignedRecords.envelope(r.body())));
                      return null;
                    },
                    false))
        .map(v -> walk.end());
  }

  /**
   * Every chain entry of every bureau this node holds, as JSON lines handed to {@code line}, in
   * chain order per bureau (bureaus ascending), {@value #BATCH} at a time: never all at once.
   */
  public Future<Void> export(Consumer<String> line) {
    return store.call(s -> s.origins(KIND)).compose(bureaus -> export(bureaus, 0, line));
  }

  private Future<Void> export(List<String> bureaus, int at, Consumer<String> line) {
    if (at >= bureaus.size()) {
      return Future.succeededFuture();
    }
    return inSeqOrder(
            bureaus.get(at),
            page -> {
              for (StoredRecord r : page) {
                // one line each: a copy someone re-formatted over several lines (its signature
                // covers the canonical form, not the text) is written in the envelope's own form
                line.accept(
                    r.body().indexOf('\n') < 0
                        ? r.body()
                        : SignedRecords.json(SignedRecords.envelope(r.body())));
              }
              return Future.succeededFuture();
            })
        .compose(v -> export(bureaus, at + 1, line));
  }

  /** Hands {@code bureau}'s stored entries to {@code each} page by page, ascending seq. */
  private Future<Void> inSeqOrder(String bureau, Function<List<StoredRecord>, Future<?>> each) {
    return store
        .call(s -> s.numberedIds(KIND, bureau + "/"))
        .compose(seqs -> inSeqOrder(bureau, seqs, 0, each));
  }

  private Future<Void> inSeqOrder(
      String bureau, long[] seqs, int from, Function<List<StoredRecord>, Future<?>> each) {
    if (from >= seqs.length) {
      return Future.succeededFuture();
    }
    int to = Math.min(seqs.length, from + BATCH);
    List<String> ids = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      ids.add(key(bureau, seqs[i]));
    }
    return store
        .call(s -> s.records(ids))
        .compose(
            found -> {
              List<StoredRecord> page = new ArrayList<>(found);
              page.sort(Comparator.comparingLong(r -> seqOf(r.id(), bureau)));
              return each.apply(page);
            })
        .compose(v -> inSeqOrder(bureau, seqs, to, each));
  }

  /** The seq of key {@code <bureau>/<seq>}, or -1 if the key is not one of {@code bureau}'s. */
  static long seqOf(Object key, String bureau) {
    if (!(key instanceof String k) || !k.startsWith(bureau + "/")) {
      return -1;
    }
    String tail = k.substring(bureau.length() + 1);
    if (tail.isEmpty() || tail.length() > 18 || !tail.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(tail);
  }

  /** Publishes the whole chain again, batch after batch. */
  private Future<Void> republish() {
    published = 0;
    return publishRest();
  }

  private Future<Void> publishRest() {
    return publish().compose(n -> n == 0 ? Future.succeededFuture() : publishRest());
  }

  /**
   * The row the store keeps: kind {@value #KIND}, origin the signing bureau; it settled when it was
   * signed (it leaves the grid a retention after that, see "Retention on the grid").
   */
  static StoredRecord stored(String key, SignedEnvelope env, String json) {
    return SignedRecords.record(
        key, KIND, env, json, RecordFacts.settled(env.signedAt().toEpochMilli()));
  }

  /** The grid key and store id of entry {@code seq} of bureau {@code code}'s chain. */
  static String key(String code, long seq) {
    return code + "/" + seq;
  }
}
