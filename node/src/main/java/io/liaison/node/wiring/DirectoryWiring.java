package io.liaison.node.wiring;

import io.liaison.node.cluster.GridConfig;
import io.liaison.node.directory.DirectoryRoutes;
import io.liaison.node.directory.DirectoryService;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** The shared directory of contacts. */
public final class DirectoryWiring implements Feature {
  private final DirectoryService directory;

  public DirectoryWiring(Parts p) {
    this.directory =
        new DirectoryService(
            p.vertx(), p.exec(), p.trust(), p.map(GridConfig.DIRECTORY), p.quarantine(), p.clock());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new DirectoryRoutes(directory)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.DIRECTORY, directory::receive, directory.reconciler());
  }
}
