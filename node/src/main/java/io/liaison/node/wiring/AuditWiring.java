package io.liaison.node.wiring;

import io.liaison.node.audit.AuditRoutes;
import io.liaison.node.audit.AuditService;
import io.liaison.node.cluster.GridConfig;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit chains: this bureau's new entries published to the grid every second, every bureau's
 * entries kept in the store (anti-entropy and store-to-store exchange of kind {@code audit}).
 */
public final class AuditWiring implements Feature {
  private final Parts parts;
  private final AuditService audit;
  private long timer = -1;

  public AuditWiring(Parts p) {
    this.parts = p;
    this.audit =
        new AuditService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.AUDIT),
            p.quarantine(),
            () -> GridConfig.everyDataMemberAnnounces(p.hazelcast(), GridConfig.AUDIT_RETENTION));
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new AuditRoutes(audit, parts.exec())::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.AUDIT, audit::receive, audit.reconciler());
  }

  @Override
  public Future<Void> settle() {
    return audit.publish().mapEmpty();
  }

  @Override
  public void ready() {
    timer = parts.vertx().setPeriodic(1000, t -> audit.publish());
  }

  @Override
  public void stop() {
    parts.vertx().cancelTimer(timer);
    audit.stop();
  }
}
