package io.liaison.node.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store work off the event loop on one dedicated thread, in submission order, with group
 * commit: the work waiting in the queue (up to {@value #MAX_BATCH} units) runs in one SQLite
 * transaction, each unit in its own savepoint so that a failing unit rolls back alone, and the
 * batch is made durable by one commit (one fsync). Every unit's future completes only after that
 * commit, so nothing is acknowledged before it is on disk.
 */
public final class StoreExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreExecutor.class);
  static final int MAX_BATCH = 256;

  private final Vertx vertx;
  private final Store store;
  private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  private record Unit<T>(
      Function<Store, T> work, Context context, Promise<T> promise, boolean alone) {}

  public StoreExecutor(Vertx vertx, Store store, String name) {
    this.vertx = vertx;
    this.store = store;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** The content hashes of records the store recently committed (readable from any thread). */
  public KnownRecords known() {
    return store.known();
  }

  /** The store's grid retention ({@link Store#gridRetention}); any thread. */
  public Duration gridRetention() {
    return store.gridRetention();
  }

  /**
   * Record {@code id} as last committed, read on a worker thread: it does not queue behind the
   * store thread's batches (nor see their uncommitted writes).
   */
  public Future<Optional<StoredRecord>> committedRecord(String id) {
    return vertx.executeBlocking(() -> store.committedRecord(id), false);
  }

  /** Runs {@code work} against the store on the store thread (inside a group transaction). */
  public <T> Future<T> call(Function<Store, T> work) {
    return submit(work);
  }

  /** Runs {@code work} atomically: all its writes are committed together, or none. */
  public <T> Future<T> transaction(Function<Store, T> work) {
    return submit(work);
  }

  /** Runs {@code work} alone, outside any transaction (for statements such as VACUUM INTO). */
  public <T> Future<T> alone(Function<Store, T> work) {
    return submit(work, true);
  }

  private <T> Future<T> submit(Function<Store, T> work) {
    return submit(work, false);
  }

  private <T> Future<T> submit(Function<Store, T> work, boolean alone) {
    if (closed) {
      return Future.failedFuture(new StoreException("store is closed"));
    }
    Promise<T> promise = Promise.promise();
    queue.add(new Unit<>(work, vertx.getOrCreateContext(), promise, alone));
    return promise.future();
  }

  private void loop() {
    List<Unit<?>> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Unit<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          store.idle();
          continue;
        }
        if (first.alone()) {
          runAlone(first);
          continue;
        }
        batch.add(first);
        // take waiting units up to the next one that must run alone
        for (Unit<?> next = queue.peek();
            next != null && !next.alone() && batch.size() < MAX_BATCH;
            next = queue.peek()) {
          batch.add(queue.poll());
        }
        run(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("store batch failed", e);
      } finally {
        batch.clear();
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void run(List<Unit<?>> batch) {
    List<Function<Store, ?>> works = new ArrayList<>(batch.size());
    batch.forEach(u -> works.add(u.work()));
    List<Object> results;
    try {
      results = store.runBatch(works);
    } catch (RuntimeException e) {
      batch.forEach(u -> u.context().runOnContext(v -> u.promise().fail(e)));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Unit u = batch.get(i);
      Object r = results.get(i);
      if (r instanceof Store.Failed f) {
        u.context().runOnContext(v -> u.promise().fail(f.cause()));
      } else {
        u.context().runOnContext(v -> u.promise().complete(r));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void runAlone(Unit u) {
    try {
      Object r = u.work().apply(store);
      u.context().runOnContext(v -> u.promise().complete(r));
    } catch (RuntimeException e) {
      u.context().runOnContext(v -> u.promise().fail(e));
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
