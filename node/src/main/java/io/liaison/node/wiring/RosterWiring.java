package io.liaison.node.wiring;

import io.liaison.node.admin.AdminRoutes;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.trust.RosterService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** The roster of bureaus and the administrator's routes (backup, quarantine, roster). */
public final class RosterWiring implements Feature {
  private final Parts parts;
  private final RosterService rosters;

  public RosterWiring(Parts p) {
    this.parts = p;
    this.rosters =
        new RosterService(
            p.vertx(), p.trust(), p.map(GridConfig.ROSTER), p.quarantine(), p.config().dataDir());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(
        new AdminRoutes(
                parts.quarantine(),
                parts.trust(),
                rosters,
                parts.exec(),
                parts.config().dataDir().resolve("backups"))
            ::mount);
  }

  @Override
  public void watch(Joining join) {
    join.attach(GridConfig.ROSTER, rosters.attachment(join.hazelcast()));
  }

  @Override
  public Future<Void> load() {
    // first: the roster in force verifies everything taken in after it
    return rosters.join().mapEmpty();
  }
}
