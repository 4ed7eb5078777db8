package io.liaison.node.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a shared map's values in batches: values that arrive together — the entries of one {@code
 * setAll} (a register import shares 500 cases at a time), a reconciliation's page — are handed to
 * the feature's batch receive at once, which verifies each, stores the good ones in one store
 * transaction and quarantines a bad one on its own; the indexer then finds them together in the
 * change log (one index write, one link pass).
 *
 * <p>One thread per map ({@code liaison-grid-intake-<map>}, counted with the grid's threads): it
 * takes the first waiting value, waits up to {@link #LINGER_NANOS} for more (the listener hands a
 * {@code setAll}'s entries over one by one from several event threads), hands up to {@link
 * #MAX_BATCH} values on and waits until the batch is taken in before the next one — so batches grow
 * while the store is busy, and values are taken in in the order they arrived. A value's future
 * completes when its batch is durable (or it was quarantined); a group handed over with {@link
 * #takeAll} is never split.
 */
public final class GridIntake implements BiFunction<String, String, Future<Boolean>> {
  private static final Logger LOG = LoggerFactory.getLogger(GridIntake.class);

  /** The most values handed to the batch receive at once (a whole group may be larger). */
  public static final int MAX_BATCH = 500;

  /** How long the first value of a batch waits for others. */
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

  /** How long a batch may take before its values are failed (the store is stuck). */
  private static final long BATCH_WAIT_SECONDS = 120;

  /** A value seen on the grid. */
  public record Value(String key, String json) {}

  /** The feature's receive of a batch: for each value, in order, whether it was new. */
  public interface BatchReceive {
    Future<List<Boolean>> receive(List<Value> values);
  }

  private record Group(List<Value> values, Promise<List<Boolean>> promise) {}

  private final String map;
  private final BatchReceive receive;
  private final LinkedBlockingQueue<Group> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

  public GridIntake(String map, BatchReceive receive) {
    this.map = map;
    this.receive = receive;
    this.thread = new Thread(this::loop, "liaison-grid-intake-" + map);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Takes in one value (with whatever arrives at the same time). */
  @Override
  public Future<Boolean> apply(String key, String json) {
    return takeAll(List.of(new Value(key, json))).map(l -> l.get(0));
  }

  /** Takes in {@code values} in one batch (with whatever else is waiting). */
  public Future<List<Boolean>> takeAll(List<Value> values) {
    if (stopped) {
      return Future.failedFuture(new IllegalStateException("grid intake of " + map + " stopped"));
    }
    if (values.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Promise<List<Boolean>> p = Promise.promise();
    queue.add(new Group(List.copyOf(values), p));
    return p.future();
  }

  /**
   * Stops the thread; what is still waiting fails (the reconciliation of the next start takes it).
   */
  public void stop() {
    stopped = true;
    thread.interrupt();
  }

  private void loop() {
    List<Group> groups = new ArrayList<>();
    while (!stopped) {
      try {
        Group first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        groups.add(first);
        int count = first.values().size();
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (count < MAX_BATCH) {
          Group next = queue.peek();
          if (next != null && count + next.values().size() > MAX_BATCH) {
            break;
          }
          long left = deadline - System.nanoTime();
          next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          groups.add(next);
          count += next.values().size();
        }
        run(groups, count);
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        LOG.warn("grid intake failed map={}: {}", map, e.toString());
        groups.forEach(g -> g.promise().tryFail(e));
      } finally {
        groups.clear();
      }
    }
    for (Group g = queue.poll(); g != null; g = queue.poll()) {
      g.promise().tryFail(new IllegalStateException("grid intake of " + map + " stopped"));
    }
  }

  private void run(List<Group> groups, int count) throws InterruptedException {
    List<Value> values = new ArrayList<>(count);
    groups.forEach(g -> values.addAll(g.values()));
    List<Boolean> taken;
    try {
      taken =
          receive
              .receive(values)
              .toCompletionStage()
              .toCompletableFuture()
              .get(BATCH_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      groups.forEach(g -> g.promise().tryFail(e));
      throw e;
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.warn("grid values not taken in map={} values={}: {}", map, count, cause.toString());
      groups.forEach(g -> g.promise().tryFail(cause));
      return;
    }
    int at = 0;
    for (Group g : groups) {
      int n = g.values().size();
      g.promise().tryComplete(List.copyOf(taken.subList(at, at + n)));
      at += n;
    }
  }
}
