package io.liaison.node.audit;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.query.Predicates;
import io.liaison.api.BureauId;
import io.liaison.crypto.AuditChain;
import io.liaison.crypto.ChainVerdict;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares this bureau's audit chain on the grid ({@code liaison.audit}, key {@code bureau/seq}) and
 * verifies any bureau's chain from there, so every node can check every other bureau's record of
 * what it signed: a gap, a reordering or an edited entry is reported with its position.
 */
public final class AuditService {
  private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final IMap<String, String> grid;
  private long published;
  private boolean publishing;

  public AuditService(
      Vertx vertx, StoreExecutor store, TrustService trust, IMap<String, String> grid) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.grid = grid;
  }

  /** Puts chain entries not yet on the grid there (all of them after a restart). */
  public Future<Integer> publish() {
    if (publishing) {
      return Future.succeededFuture(0);
    }
    publishing = true;
    long from = published;
    return store
        .call(s -> s.chainAfter(from, BATCH))
        .compose(
            entries -> {
              if (entries.isEmpty()) {
                return Future.succeededFuture(0);
              }
              Map<String, String> batch = new HashMap<>();
              for (ChainEntry e : entries) {
                batch.put(key(trust.bureau(), e.seq()), e.envelope());
              }
              return vertx
                  .executeBlocking(
                      () -> {
                        grid.putAll(batch);
                        return entries.get(entries.size() - 1).seq();
                      },
                      false)
                  .map(
                      last -> {
                        published = last;
                        return entries.size();
                      });
            })
        .onComplete(ar -> publishing = false)
        .onFailure(e -> LOG.warn("publishing audit chain failed: {}", e.getMessage()));
  }

  /**
   * Verifies {@code bureau}'s chain as the grid holds it. An entry under a key that is not {@code
   * <bureau>/<seq>} or whose value is not a signed envelope (anyone on the link can write one) is
   * left out, so the chain shows a gap there; it never fails the request.
   */
  public Future<ChainVerdict> verify(BureauId bureau) {
    return vertx.executeBlocking(
        () -> {
          List<SignedEnvelope> entries = new ArrayList<>();
          for (Map.Entry<Object, Object> e :
              raw().entrySet(Predicates.like("__key", bureau.code() + "/%"))) {
            long seq = seqOf(e.getKey(), bureau.code());
            if (seq < 0 || !(e.getValue() instanceof String json)) {
              continue;
            }
            try {
              entries.add(SignedEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8)));
            } catch (RuntimeException x) {
              LOG.warn("malformed audit entry on the grid key={}", e.getKey());
            }
          }
          entries.sort(Comparator.comparingLong(e -> e.payload().path("seq").asLong()));
          return AuditChain.verify(bureau, entries, trust.verifier());
        },
        false);
  }

  /**
   * Every chain entry of every bureau on the grid, as JSON lines, in chain order per bureau;
   * entries under a key that is not {@code <bureau>/<seq>}, values that are not strings and lines
   * that are not one JSON object are left out (the export is the auditor's input).
   */
  public Future<List<String>> gridEntries() {
    return vertx.executeBlocking(
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (Map.Entry<Object, Object> e : raw().entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String v)) {
              continue;
            }
            int slash = k.indexOf('/');
            long seq = slash < 0 ? -1 : seqOf(k, k.substring(0, slash));
            if (seq < 0 || v.indexOf('\n') >= 0 || !v.startsWith("{")) {
              continue;
            }
            rows.add(new Object[] {k.substring(0, slash), seq, v});
          }
          rows.sort(
              Comparator.comparing((Object[] r) -> (String) r[0])
                  .thenComparingLong(r -> (Long) r[1]));
          return rows.stream().map(r -> (String) r[2]).toList();
        },
        false);
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private IMap<Object, Object> raw() {
    return (IMap) grid;
  }

  /**
   * Keeps this bureau's entries on the grid as its store holds them: an entry of this bureau
   * edited, replaced or removed on the grid is put back at once; after the map was destroyed or
   * cleared, the whole chain is published again ({@link io.liaison.node.cluster.GridWatch}).
   */
  public GridWatch.Attachment attachment(HazelcastInstance hz) {
    String mine = trust.bureau().code();
    OwnEntries own = new OwnEntries(mine);
    return new GridWatch.Attachment() {
      @Override
      public UUID attach() {
        return hz.getMap(grid.getName()).addEntryListener(own, true);
      }

      @Override
      public Future<?> repair() {
        return republish();
      }
    };
  }

  /** Publishes the whole chain again, batch after batch. */
  public Future<Void> republish() {
    published = 0;
    return publishRest();
  }

  private Future<Void> publishRest() {
    return publish().compose(n -> n == 0 ? Future.succeededFuture() : publishRest());
  }

  /** Puts back the store's entry {@code seq} of this bureau where the grid shows {@code seen}. */
  private void putBack(Object key, Object seen, String bureau) {
    long seq = seqOf(key, bureau);
    if (seq < 1) {
      return;
    }
    store
        .call(s -> s.chainAfter(seq - 1, 1))
        .compose(
            entries -> {
              if (entries.isEmpty() || entries.get(0).seq() != seq) {
                // an entry of this bureau that its chain does not have: an outsider's
                return seen == null
                    ? Future.succeededFuture()
                    : vertx.executeBlocking(
                        () -> {
                          raw().remove(key, seen);
                          LOG.warn("audit entry this bureau never wrote removed key={}", key);
                          return null;
                        },
                        false);
              }
              if (entries.get(0).envelope().equals(seen)) {
                return Future.succeededFuture();
              }
              String ours = entries.get(0).envelope();
              return vertx.executeBlocking(
                  () -> {
                    grid.set((String) key, ours);
                    LOG.warn("audit entry put back on the grid key={}", key);
                    return null;
                  },
                  false);
            })
        .onFailure(e -> LOG.warn("audit entry not put back key={}: {}", key, e.toString()));
  }

  private final class OwnEntries
      implements EntryAddedListener<Object, Object>,
          EntryUpdatedListener<Object, Object>,
          EntryRemovedListener<Object, Object>,
          EntryEvictedListener<Object, Object>,
          MapClearedListener {
    private final String bureau;

    OwnEntries(String bureau) {
      this.bureau = bureau;
    }

    private void check(EntryEvent<Object, Object> e, boolean gone) {
      try {
        if (seqOf(e.getKey(), bureau) > 0) {
          putBack(e.getKey(), gone ? null : e.getValue(), bureau);
        }
      } catch (RuntimeException x) {
        LOG.warn("audit grid event not handled: {}", x.toString());
      }
    }

    @Override
    public void entryAdded(EntryEvent<Object, Object> e) {
      check(e, false);
    }

    @Override
    public void entryUpdated(EntryEvent<Object, Object> e) {
      check(e, false);
    }

    @Override
    public void entryRemoved(EntryEvent<Object, Object> e) {
      check(e, true);
    }

    @Override
    public void entryEvicted(EntryEvent<Object, Object> e) {
      check(e, true);
    }

    @Override
    public void mapCleared(MapEvent e) {
      republish();
    }
  }

  public static String key(BureauId bureau, long seq) {
    return bureau.code() + "/" + seq;
  }
}
