package io.liaison.node.wiring;

import com.hazelcast.core.HazelcastInstance;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.cluster.GridWatch;
import io.liaison.node.store.Store;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Where features name their shared maps when the node joins the grid. */
public final class Joining {
  private final GridWatch watch;
  private final Store store;
  private final HazelcastInstance hazelcast;
  private final List<GridReconciler> reconcilers = new ArrayList<>();

  Joining(GridWatch watch, Store store, HazelcastInstance hazelcast) {
    this.watch = watch;
    this.store = store;
    this.hazelcast = hazelcast;
  }

  /**
   * A map of signed records: values to {@code receive}, anything else and losses to {@code
   * reconciler}, which is also run at join, after a split heals and when a member leaves (null:
   * nothing to put back).
   */
  public void records(
      String map, BiFunction<String, String, Future<Boolean>> receive, GridReconciler reconciler) {
    watch.watch(map, watch.records(map, store, receive, reconciler));
    if (reconciler != null) {
      reconcilers.add(reconciler);
    }
  }

  /** A map with a listener of its own. */
  public void attach(String map, GridWatch.Attachment attachment) {
    watch.watch(map, attachment);
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /** The reconcilers named, in the order they were. */
  List<GridReconciler> reconcilers() {
    return List.copyOf(reconcilers);
  }
}
