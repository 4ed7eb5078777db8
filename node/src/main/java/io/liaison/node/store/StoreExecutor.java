package io.liaison.node.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Runs store work off the event loop on one ordered worker thread, so the {@link Store} is only
 * ever touched by a single thread and writes happen in submission order.
 */
public final class StoreExecutor implements AutoCloseable {
  private final Store store;
  private final WorkerExecutor worker;

  public StoreExecutor(Vertx vertx, Store store, String name) {
    this.store = store;
    this.worker = vertx.createSharedWorkerExecutor(name, 1);
  }

  /** Runs {@code work} against the store on the store thread. */
  public <T> Future<T> call(Function<Store, T> work) {
    return worker.executeBlocking(() -> work.apply(store), true);
  }

  /** Runs {@code work} in one store transaction on the store thread. */
  public <T> Future<T> transaction(Function<Store, T> work) {
    Callable<T> c = () -> store.inTransaction(() -> work.apply(store));
    return worker.executeBlocking(c, true);
  }

  @Override
  public void close() {
    worker.close();
  }
}
