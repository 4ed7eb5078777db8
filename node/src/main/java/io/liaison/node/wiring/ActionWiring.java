package io.liaison.node.wiring;

import io.liaison.node.action.ActionRoutes;
import io.liaison.node.action.ActionService;
import io.liaison.node.action.Deconfliction;
import io.liaison.node.action.MeetingRoutes;
import io.liaison.node.action.MeetingService;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.network.NetworkService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Joint actions (with deconfliction against the index) and the meetings that plan them. */
public final class ActionWiring implements Feature {
  private final Parts parts;
  private final NetworkService networks;
  private final Deconfliction deconfliction;
  private final ActionService actions;
  private final MeetingService meetings;

  public ActionWiring(Parts p, NetworkService networks) {
    this.parts = p;
    this.networks = networks;
    this.deconfliction = new Deconfliction(p.exec(), p.feed(), p.trust().bureau(), p.clock());
    p.indexer().addListener(deconfliction);
    this.actions =
        new ActionService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.ACTIONS),
            p.feed(),
            p.quarantine(),
            deconfliction,
            p.clock());
    this.meetings =
        new MeetingService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.MEETINGS),
            p.feed(),
            p.quarantine(),
            p.clock());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(
        new ActionRoutes(
                parts.vertx(), actions, deconfliction, networks, parts.clock(), parts.maxPageSize())
            ::mount,
        new MeetingRoutes(meetings)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.ACTIONS, actions::receive, actions.reconciler());
    join.records(GridConfig.MEETINGS, meetings::receive, meetings.reconciler());
  }

  @Override
  public Future<Void> load() {
    return deconfliction.load(actions).mapEmpty();
  }
}
