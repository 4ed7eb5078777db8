package io.liaison.node.lead;

import com.hazelcast.map.IMap;
import io.liaison.node.cluster.GridReconciler;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Anti-entropy between the node's store and the {@code liaison.leads} map: the {@link
 * GridReconciler} over leads, taking grid values in through {@link LeadService#receive}.
 */
public final class LeadReconciler {
  private final GridReconciler reconciler;

  public LeadReconciler(
      Vertx vertx, LeadService leads, StoreExecutor store, IMap<String, String> grid) {
    this.reconciler = new GridReconciler(vertx, store, grid, LeadRecord.KIND, leads::receive);
  }

  public Future<GridReconciler.Report> reconcile() {
    return reconciler.reconcile();
  }
}
