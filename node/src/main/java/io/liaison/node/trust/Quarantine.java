package io.liaison.node.trust;

import io.liaison.node.store.QuarantineEntry;
import io.liaison.node.store.StoreExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where records that fail verification go: kept aside in the store (never served as valid), counted
 * by reason in {@code liaison_quarantined_total}, logged, and listed at the admin endpoint.
 */
public final class Quarantine {
  private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

  private final StoreExecutor store;
  private final MeterRegistry metrics;

  public Quarantine(StoreExecutor store, MeterRegistry metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  public Future<Void> add(String recordKey, String reason, String detail, String body) {
    metrics.counter("liaison.quarantined", "reason", reason).increment();
    LOG.warn("record quarantined key={} reason={} detail={}", recordKey, reason, detail);
    return store.call(
        s -> {
          s.quarantine(recordKey, reason, detail, body);
          return null;
        });
  }

  public Future<List<QuarantineEntry>> list(int limit) {
    return store.call(s -> s.quarantined(limit));
  }

  public Future<Long> count() {
    return store.call(s -> s.quarantineCount());
  }
}
