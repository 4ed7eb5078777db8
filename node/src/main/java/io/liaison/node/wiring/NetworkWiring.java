package io.liaison.node.wiring;

import io.liaison.node.cluster.GridConfig;
import io.liaison.node.network.HitService;
import io.liaison.node.network.MergeService;
import io.liaison.node.network.NetworkRoutes;
import io.liaison.node.network.NetworkService;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Networks of linked records: hits shared between bureaus, merge proposals and decisions. */
public final class NetworkWiring implements Feature {
  private final HitService hits;
  private final NetworkService networks;
  private final MergeService merges;

  public NetworkWiring(Parts p) {
    this.hits =
        new HitService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.HITS),
            p.map(GridConfig.LEADS),
            p.feed(),
            p.quarantine(),
            p.clock());
    this.networks =
        NetworkService.attach(
            p.vertx(), p.exec(), p.feed(), p.trust().bureau(), p.linkEngine(), hits, p.indexer());
    this.merges =
        new MergeService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.MERGE),
            p.feed(),
            p.quarantine(),
            p.clock());
  }

  public NetworkService networks() {
    return networks;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new NetworkRoutes(networks, merges, hits)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.MERGE, merges::receive, merges.reconciler());
    join.records(GridConfig.HITS, hits::receive, hits.reconciler());
  }

  @Override
  public void close() {
    networks.close();
  }
}
