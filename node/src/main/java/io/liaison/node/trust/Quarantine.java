package io.liaison.node.trust;

import io.liaison.api.admin.QuarantineEntry;
import io.liaison.crypto.Hashes;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.QuarantineSink;
import io.liaison.node.store.StoreExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where records that fail verification go: kept aside in the store (never served as valid), counted
 * by reason in {@code liaison_quarantined_total}, logged, and listed at the admin endpoint.
 *
 * <p>Whoever reaches the cluster link can write values of any size as often as it likes, so what is
 * kept is bounded: the value's SHA-256, its size and its first {@link #PREFIX_CHARS} characters;
 * the same value under the same key once; at most {@link #CAP} entries (the oldest go); and at most
 * {@link #RATE} new entries a second on average (bursts of {@link #BURST}) — beyond that a value is
 * counted ({@code liaison_quarantine_dropped_total}) and logged once in a while, not stored.
 */
public final class Quarantine implements QuarantineSink {
  private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

  static final int PREFIX_CHARS = 1024;
  static final int CAP = 10_000;
  static final double RATE = 20;
  static final double BURST = 200;

  private final StoreExecutor store;
  private final MeterRegistry metrics;
  private double tokens = BURST;
  private long refilled = System.nanoTime();
  private long lastDropLog;

  public Quarantine(StoreExecutor store, MeterRegistry metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * Refuses a value the grid holds under {@code key}: kept aside here under {@code prefix + key},
   * and the grid's entry put back from the store by {@code grid}; false (nothing taken in).
   */
  public Future<Boolean> refuse(
      GridReconciler grid, String prefix, String key, String reason, String detail, String json) {
    return add(prefix + key, reason, detail, json).compose(v -> grid.repair(key, json)).map(false);
  }

  @Override
  public Future<Void> add(String recordKey, String reason, String detail, String body) {
    metrics.counter("liaison.quarantined", "reason", reason).increment();
    String text = body == null ? "" : body;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String sha256 = Hashes.sha256Hex(bytes);
    long size = bytes.length;
    String key = bounded(recordKey, 200);
    if (!admit()) {
      metrics.counter("liaison.quarantine.dropped", "reason", reason).increment();
      long now = System.nanoTime();
      synchronized (this) {
        if (now - lastDropLog > 10_000_000_000L) {
          lastDropLog = now;
          LOG.warn(
              "quarantine over its rate; values counted, not kept key={} reason={} size={}",
              key,
              reason,
              size);
        }
      }
      return Future.succeededFuture();
    }
    LOG.warn(
        "record quarantined key={} reason={} size={} sha256={} detail={}",
        key,
        reason,
        size,
        sha256,
        bounded(detail, 300));
    String prefix = bounded(text, PREFIX_CHARS);
    String why = bounded(detail, 1000);
    return store.call(
        s -> {
          s.quarantine(key, reason, why, sha256, size, prefix, CAP);
          return null;
        });
  }

  private synchronized boolean admit() {
    long now = System.nanoTime();
    tokens = Math.min(BURST, tokens + (now - refilled) / 1e9 * RATE);
    refilled = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  private static String bounded(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max);
  }

  public Future<List<QuarantineEntry>> list(int limit) {
    return store.call(s -> s.quarantined(limit));
  }

  public Future<Long> count() {
    return store.call(s -> s.quarantineCount());
  }
}
