package io.liaison.node.wiring;

import com.hazelcast.map.IMap;
import io.liaison.node.admin.RecordTransfer;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.lead.LeadQueries;
import io.liaison.node.lead.LeadRoutes;
import io.liaison.node.lead.LeadService;
import io.liaison.node.lead.LeadSweeper;
import io.liaison.node.settings.SettingsService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Leads: posting and transitions, the queries over them, the overdue sweeper, export/import. */
public final class LeadWiring implements Feature {
  private final Parts parts;
  private final LeadService leads;
  private final LeadQueries queries;
  private final LeadSweeper sweeper;

  public LeadWiring(Parts p, SettingsService settings) {
    this.parts = p;
    this.leads =
        new LeadService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.LEADS),
            p.map(GridConfig.SUPERSEDED),
            p.feed(),
            p.quarantine(),
            p.registry(),
            new Quorum(p.hazelcast(), expectedMembers(p.config())),
            p.clock());
    this.queries =
        new LeadQueries(
            p.exec(), leads.sealing(), p.trust().bureau(), settings::feedbackPeriod, p.clock());
    this.sweeper =
        new LeadSweeper(
            p.vertx(), p.hazelcast(), leads, p.exec(), p.feed(), settings::current, p.clock());
  }

  /** How many members the configuration names (this one included). */
  static int expectedMembers(NodeConfig config) {
    Set<String> all = new HashSet<>(config.cluster().members());
    all.add(config.cluster().host() + ":" + config.cluster().port());
    return all.size();
  }

  public LeadService service() {
    return leads;
  }

  public LeadQueries queries() {
    return queries;
  }

  public LeadSweeper sweeper() {
    return sweeper;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(
        new RecordTransfer(parts.exec(), leads)::mount,
        new LeadRoutes(leads, queries, parts.maxPageSize())::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.LEADS, leads::receive, leads.reconciler());
    join.records(GridConfig.SUPERSEDED, leads::receiveSuperseded, null);
  }

  @Override
  public Future<Void> settle() {
    // superseded transitions the grid holds, taken in once the leads are
    // Object, not a record: the grid holds what any member put, and a value that is not the signed
    // JSON string is skipped here (GridReconciler quarantines it) rather than failing the read
    IMap<String, Object> superseded = parts.map(GridConfig.SUPERSEDED);
    return parts
        .vertx()
        .executeBlocking(
            () -> {
              superseded.forEach(
                  (k, v) -> {
                    if (v instanceof String json) {
                      leads.receiveSuperseded(k, json);
                    }
                  });
              return null;
            },
            false)
        .mapEmpty();
  }

  @Override
  public void ready() {
    sweeper.start(parts.config().leads().sweepInterval());
  }

  @Override
  public void stop() {
    sweeper.stop();
  }
}
