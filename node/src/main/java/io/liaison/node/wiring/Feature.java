package io.liaison.node.wiring;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * One feature area of the node, wired: its services (built in its constructor from {@link Parts}
 * and the features it needs), its routes, its shared maps, and what it does at each step of the
 * node's life. Every step but {@link #routes} is optional. {@link NodeServices} runs each step over
 * all features in the order they were wired.
 */
public interface Feature {

  /** Its HTTP routes (mounted in feature order, after the access filters). */
  default List<Consumer<Router>> routes() {
    return List.of();
  }

  /**
   * Its shared maps: listened to, repaired after a loss, reconciled at join (see {@link Joining}).
   */
  default void watch(Joining join) {}

  /** What it takes in before the shared maps are reconciled with the store. */
  default Future<Void> load() {
    return Future.succeededFuture();
  }

  /** What it does after the shared maps are reconciled, before the node is ready. */
  default Future<Void> settle() {
    return Future.succeededFuture();
  }

  /** Once the node is ready (timers, background work). */
  default void ready() {}

  /** At stop, first (timers, background work). */
  default void stop() {}

  /** At stop, off the event loops, before Vert.x closes (blocking closes). */
  default void close() {}
}
