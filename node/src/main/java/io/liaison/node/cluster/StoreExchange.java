package io.liaison.node.cluster;

import io.liaison.node.store.RecordBuckets;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-to-store catch-up of the records that leave the grid after their retention (shared cases,
 * final leads; docs/architecture.md, "Retention on the grid"): a node that was down while such
 * records were posted and left the grid gets them from a peer's store, not from the grid.
 *
 * <p>Over the clustered event bus, at {@code liaison.store-exchange.<bureau>}, one exchange per
 * kind and peer, cheapest first: the peer's bucket digests of the kind's records (4,096 sums, the
 * same {@link RecordBuckets} the grid reconciliation uses, over every record the store holds); ids
 * and hashes only in the buckets that differ; then the records this node lacks or holds
 * differently, {@link #RECORDS} at a time. They go through the kind's {@link GridReconciler} and so
 * through the same verified receive as a grid value (signatures, chain, owner; a value that fails
 * is quarantined): a peer can withhold records, never forge one. A node that agrees with its peer
 * reads 4,096 sums and nothing else.
 *
 * <p>Run after the grid reconciliation at start and every {@link #PERIOD_MS} ms after; each peer is
 * asked in turn (one that is down fails fast: no handler at its address).
 */
public final class StoreExchange {
  private static final Logger LOG = LoggerFactory.getLogger(StoreExchange.class);

  /** How often a node compares its stores with its peers' after the first time. */
  public static final long PERIOD_MS = 10 * 60_000;

  /** Buckets listed per request. */
  static final int BUCKETS = 256;

  /** Records fetched per request. */
  static final int RECORDS = 200;

  private static final long TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final String self;
  private final Supplier<List<String>> peers;
  private final Map<String, GridReconciler> kinds = new LinkedHashMap<>();
  private MessageConsumer<JsonObject> consumer;

  /**
   * @param self this node's bureau code (its address)
   * @param peers the other bureaus' codes (from the roster)
   * @param reconcilers the maps whose records are exchanged, by their store kind
   */
  public StoreExchange(
      Vertx vertx,
      StoreExecutor store,
      String self,
      Supplier<List<String>> peers,
      List<GridReconciler> reconcilers) {
    this.vertx = vertx;
    this.store = store;
    this.self = self;
    this.peers = peers;
    reconcilers.forEach(r -> kinds.put(r.kind(), r));
  }

  static String address(String bureau) {
    return "liaison.store-exchange." + bureau;
  }

  /** What one catch-up took in: records fetched from peers and taken in as new. */
  public record Report(int peersAsked, int peersAnswered, int fetched, int taken) {}

  // ---- the answering side

  /** Answers the peers' questions about this node's store. */
  public Future<Void> listen() {
    consumer = vertx.eventBus().consumer(address(self), this::answer);
    return consumer.completion();
  }

  private void answer(Message<JsonObject> m) {
    JsonObject q = m.body();
    String kind = q == null ? null : q.getString("kind");
    if (kind == null || !kinds.containsKey(kind)) {
      m.fail(400, "unknown kind");
      return;
    }
    Future<JsonObject> a;
    try {
      a =
          switch (q.getString("op", "")) {
            case "digests" ->
                store
                    .call(s -> s.digests(kind))
                    .map(d -> new JsonObject().put("digests", encode(d.buckets())));
            case "hashes" -> {
              List<Integer> buckets = new ArrayList<>();
              JsonArray b = q.getJsonArray("buckets", new JsonArray());
              if (b.size() > BUCKETS) {
                throw new IllegalArgumentException("too many buckets");
              }
              for (Object o : b) {
                int n = ((Number) o).intValue();
                if (n < 0 || n >= RecordBuckets.COUNT) {
                  throw new IllegalArgumentException("no bucket " + n);
                }
                buckets.add(n);
              }
              yield store
                  .call(s -> s.hashes(kind, buckets))
                  .map(h -> new JsonObject().put("hashes", new JsonObject(new HashMap<>(h))));
            }
            case "records" -> {
              List<String> ids = new ArrayList<>();
              JsonArray b = q.getJsonArray("ids", new JsonArray());
              if (b.size() > RECORDS) {
                throw new IllegalArgumentException("too many ids");
              }
              b.forEach(o -> ids.add((String) o));
              yield store
                  .call(s -> s.records(ids))
                  .map(
                      rs -> {
                        JsonObject out = new JsonObject();
                        for (StoredRecord r : rs) {
                          if (r.kind().equals(kind)) {
                            out.put(r.id(), r.body());
                          }
                        }
                        return new JsonObject().put("records", out);
                      });
            }
            default -> throw new IllegalArgumentException("unknown op");
          };
    } catch (RuntimeException e) {
      m.fail(400, "bad question: " + e.getMessage());
      return;
    }
    a.onSuccess(m::reply).onFailure(e -> m.fail(500, "store unavailable"));
  }

  // ---- the asking side

  private Future<Report> running;

  /**
   * Compares this node's store with every reachable peer's, kind by kind, and takes in what it
   * lacks; never fails. One at a time: a call while one runs answers that one's report.
   */
  public synchronized Future<Report> catchUp() {
    if (running == null) {
      running =
          exchange()
              .onComplete(
                  ar -> {
                    synchronized (this) {
                      running = null;
                    }
                  });
    }
    return running;
  }

  private Future<Report> exchange() {
    long t0 = System.nanoTime();
    int[] n = new int[4];
    Future<Void> chain = Future.succeededFuture();
    for (String peer : peers.get()) {
      if (peer.equals(self)) {
        continue;
      }
      chain =
          chain.compose(
              v -> {
                n[0]++;
                Future<Void> kindsDone = Future.succeededFuture();
                for (GridReconciler r : kinds.values()) {
                  kindsDone =
                      kindsDone.compose(
                          x ->
                              catchUp(peer, r)
                                  .map(
                                      got -> {
                                        n[2] += got[0];
                                        n[3] += got[1];
                                        return (Void) null;
                                      }));
                }
                return kindsDone
                    .map(
                        x -> {
                          n[1]++;
                          return (Void) null;
                        })
                    .recover(
                        e -> {
                          LOG.debug("store exchange with {} skipped: {}", peer, e.toString());
                          return Future.succeededFuture();
                        });
              });
    }
    return chain.map(
        v -> {
          Report r = new Report(n[0], n[1], n[2], n[3]);
          LOG.info(
              "store exchange bureau={} peers asked={} answered={} fetched={} taken={} in {} ms",
              self,
              r.peersAsked(),
              r.peersAnswered(),
              r.fetched(),
              r.taken(),
              (System.nanoTime() - t0) / 1_000_000);
          return r;
        });
  }

  /** One kind with one peer: {fetched, taken}; fails if the peer does not answer. */
  private Future<int[]> catchUp(String peer, GridReconciler r) {
    String kind = r.kind();
    return ask(peer, new JsonObject().put("op", "digests").put("kind", kind))
        .compose(
            a -> {
              long[] theirs = decode(a.getString("digests"));
              return store
                  .call(s -> s.digests(kind))
                  .map(
                      mine -> {
                        List<Integer> differ = new ArrayList<>();
                        for (int b = 0; b < RecordBuckets.COUNT; b++) {
                          if (mine.buckets()[b] != theirs[b]) {
                            differ.add(b);
                          }
                        }
                        return differ;
                      });
            })
        .compose(differ -> wanted(peer, kind, differ, 0, new ArrayList<>()))
        .compose(ids -> fetch(peer, r, ids, 0, new int[2]));
  }

  /** The ids of the peer's records in {@code differ} that this store lacks or holds otherwise. */
  private Future<List<String>> wanted(
      String peer, String kind, List<Integer> differ, int from, List<String> out) {
    if (from >= differ.size()) {
      return Future.succeededFuture(out);
    }
    List<Integer> part = differ.subList(from, Math.min(differ.size(), from + BUCKETS));
    return ask(peer, new JsonObject().put("op", "hashes").put("kind", kind).put("buckets", part))
        .compose(
            a ->
                store
                    .call(s -> s.hashes(kind, part))
                    .map(
                        mine -> {
                          a.getJsonObject("hashes", new JsonObject())
                              .forEach(
                                  e -> {
                                    if (e.getValue() instanceof String h
                                        && !h.equals(mine.get(e.getKey()))) {
                                      out.add(e.getKey());
                                    }
                                  });
                          return out;
                        }))
        .compose(x -> wanted(peer, kind, differ, from + BUCKETS, out));
  }

  /** Fetches {@code ids} from the peer and takes them in through the kind's verified receive. */
  private Future<int[]> fetch(String peer, GridReconciler r, List<String> ids, int from, int[] n) {
    if (from >= ids.size()) {
      return Future.succeededFuture(n);
    }
    List<String> part = ids.subList(from, Math.min(ids.size(), from + RECORDS));
    return ask(peer, new JsonObject().put("op", "records").put("kind", r.kind()).put("ids", part))
        .compose(
            a -> {
              Map<String, Object> values = new HashMap<>();
              JsonObject got = a.getJsonObject("records", new JsonObject());
              for (String id : part) {
                Object v = got.getValue(id);
                if (v != null) {
                  values.put(id, v);
                }
              }
              n[0] += values.size();
              return r.takeFromPeer(peer, values);
            })
        .compose(
            taken -> {
              n[1] += taken;
              return fetch(peer, r, ids, from + RECORDS, n);
            });
  }

  private Future<JsonObject> ask(String peer, JsonObject q) {
    return vertx
        .eventBus()
        .<JsonObject>request(address(peer), q, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .map(Message::body);
  }

  private static String encode(long[] sums) {
    ByteBuffer b = ByteBuffer.allocate(sums.length * 8);
    for (long s : sums) {
      b.putLong(s);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  private static long[] decode(String s) {
    byte[] bytes = Base64.getDecoder().decode(s);
    if (bytes.length != RecordBuckets.COUNT * 8) {
      throw new IllegalArgumentException("not " + RecordBuckets.COUNT + " digests");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long[] out = new long[RecordBuckets.COUNT];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getLong();
    }
    return out;
  }

  /** Stops answering. */
  public Future<Void> close() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
