package io.liaison.node.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full integrity check that a start after a crash skipped ({@link
 * StoreFile.OpenCheck#CHECKPOINT}), run after ready on a low-priority thread of its own: if it
 * finds damage the store is condemned ({@link Store#condemn}) and {@link #failed} fails, and the
 * node takes itself out of service (docs/operations.md, "Corrupt store"). Meters: {@code
 * liaison_store_open_check} (1, tagged with how the file was checked at open) and {@code
 * liaison_store_full_check_pending} (1 until the background check has passed).
 */
public final class StoreCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCheck.class);

  private final Store store;
  private final AtomicInteger pending;
  private final Promise<Void> failed = Promise.promise();

  private StoreCheck(Store store) {
    this.store = store;
    this.pending = new AtomicInteger(store.openCheck() == StoreFile.OpenCheck.CHECKPOINT ? 1 : 0);
  }

  /** Registers the meters; {@link #start} runs the check if the open skipped it after a crash. */
  public static StoreCheck bind(Store store, MeterRegistry registry) {
    StoreCheck check = new StoreCheck(store);
    Gauge.builder("liaison_store_open_check", () -> 1)
        .description(
            "1, tagged with how the store file was checked at open: full, clean_close (closed"
                + " cleanly, unchanged) or checkpoint (after a crash: what came after the last"
                + " checkpoint, the rest in the background)")
        .tag("check", store.openCheck().name().toLowerCase(Locale.ROOT))
        .register(registry);
    Gauge.builder("liaison_store_full_check_pending", check.pending::get)
        .description("1 while the full integrity check skipped at a start after a crash runs")
        .register(registry);
    return check;
  }

  /**
   * Fails (with the corrupt-store message) if the background check finds damage; never succeeds.
   */
  public Future<Void> failed() {
    return failed.future();
  }

  /** Starts the background check if the open skipped it after a crash. */
  public void start() {
    if (pending.get() == 0) {
      return;
    }
    Thread t = new Thread(this::run, "liaison-store-check");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private void run() {
    long t0 = System.nanoTime();
    LOG.info("store full integrity check started in the background file={}", store.file());
    Optional<String> found;
    try {
      found = store.fullCheck();
    } catch (RuntimeException e) {
      found = Optional.of(String.valueOf(e.getMessage()));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (found.isEmpty()) {
      pending.set(0);
      LOG.info("store full integrity check passed in {} ms file={}", ms, store.file());
      return;
    }
    StoreException e = store.condemn(found.get());
    LOG.error("store full integrity check failed after {} ms: {}", ms, e.getMessage());
    failed.tryFail(e);
  }
}
