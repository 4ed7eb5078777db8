package io.liaison.node.wiring;

import io.liaison.node.search.SearchRoutes;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Search over the shared records (the index is opened and started by the node). */
public final class SearchWiring implements Feature {
  private final Parts parts;

  public SearchWiring(Parts p) {
    this.parts = p;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(
        new SearchRoutes(parts.vertx(), parts.indexer(), parts.exec(), parts.maxPageSize())::mount);
  }
}
