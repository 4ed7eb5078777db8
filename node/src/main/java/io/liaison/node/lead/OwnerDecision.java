package io.liaison.node.lead;

import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a lead's partition owner to decide a signed transition ({@link TransitionProcessor}),
 * time-bounded, and reads the lead's grid value as it is. The owner's answer is a typed {@link
 * TransitionOutcome}.
 */
final class OwnerDecision {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerDecision.class);

  /** How long a transition waits on the grid before a lock someone holds on its key is broken. */
  static final long LOCK_PATIENCE_MS = 500;

  /** How long a transition waits on the grid in all before it is answered 503. */
  static final long GRID_PATIENCE_MS = 5_000;

  private final Vertx vertx;
  private final IMap<String, String> grid;
  private final MeterRegistry metrics;

  OwnerDecision(Vertx vertx, IMap<String, String> grid, MeterRegistry metrics) {
    this.vertx = vertx;
    this.grid = grid;
    this.metrics = metrics;
  }

  /**
   * Sends the processor to the lead's partition owner. Our nodes never lock a lead's key, but
   * anyone on the cluster link can, and a locked key holds an entry processor until the lock is
   * released (a lease of any length): after {@link #LOCK_PATIENCE_MS} a lock found on the key is
   * broken ({@code forceUnlock}, logged) and the same processor goes on; after {@link
   * #GRID_PATIENCE_MS} in all the request is answered 503 {@code grid-timeout}. The processor may
   * still run later; the node then takes its value in from the grid as any other.
   */
  Future<TransitionOutcome> decide(String id, TransitionProcessor p) {
    Context ctx = vertx.getOrCreateContext();
    CompletableFuture<TransitionOutcome> f = grid.submitToKey(id, p).toCompletableFuture();
    Promise<TransitionOutcome> out = Promise.promise();
    Future.fromCompletionStage(f, ctx)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                out.tryComplete(ar.result());
              } else {
                out.tryFail(ar.cause());
              }
            });
    vertx.setTimer(
        LOCK_PATIENCE_MS,
        x -> {
          if (f.isDone()) {
            return;
          }
          vertx
              .executeBlocking(
                  () -> {
                    if (grid.isLocked(id)) {
                      grid.forceUnlock(id);
                      return true;
                    }
                    return false;
                  },
                  false)
              .onSuccess(
                  broken -> {
                    if (broken) {
                      metrics.counter("liaison.grid.locks.broken").increment();
                      LOG.warn("a lock on a lead's grid key held a transition; broken lead={}", id);
                    }
                  });
        });
    vertx.setTimer(
        GRID_PATIENCE_MS,
        x -> {
          if (!f.isDone()) {
            metrics.counter("liaison.grid.timeouts", "op", "transition").increment();
            LOG.warn(
                "lead transition timed out on the grid lead={} after {} ms", id, GRID_PATIENCE_MS);
            out.tryFail(
                LeadProblems.unavailable(
                    "grid-timeout",
                    "the lead's partition owner did not answer within "
                        + GRID_PATIENCE_MS
                        + " ms; the transition may still take effect. Check the lead, then try"
                        + " again."));
          }
        });
    return out.future();
  }

  /** The grid's value of a lead as it is: a String, anything else an outsider put, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Future<Object> gridValue(String id) {
    // Object, not a record: the raw value must be seen as it is, an outsider's non-String included
    IMap<String, Object> raw = (IMap) grid;
    return vertx.executeBlocking(() -> raw.get(id), false);
  }
}
