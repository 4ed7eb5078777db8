package io.liaison.node.audit;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.liaison.api.BureauId;
import io.liaison.crypto.AuditChain;
import io.liaison.crypto.ChainVerdict;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Verifies {@code bureau}'s chain as the grid holds it. */
  public Future<ChainVerdict> verify(BureauId bureau) {
    return vertx.executeBlocking(
        () -> {
          List<SignedEnvelope> entries =
              grid.entrySet(Predicates.like("__key", bureau.code() + "/%")).stream()
                  .map(e -> SignedEnvelope.fromJson(e.getValue().getBytes(StandardCharsets.UTF_8)))
                  .sorted(Comparator.comparingLong(e -> e.payload().path("seq").asLong()))
                  .toList();
          return AuditChain.verify(bureau, entries, trust.verifier());
        },
        false);
  }

  /** Every chain entry of every bureau on the grid, as JSON lines, in chain order per bureau. */
  public Future<List<String>> gridEntries() {
    return vertx.executeBlocking(
        () ->
            grid.entrySet().stream()
                .sorted(
                    Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().split("/")[0])
                        .thenComparingLong(e -> Long.parseLong(e.getKey().split("/")[1])))
                .map(Map.Entry::getValue)
                .toList(),
        false);
  }

  public static String key(BureauId bureau, long seq) {
    return bureau.code() + "/" + seq;
  }
}
