package io.liaison.node.wiring;

import io.liaison.node.area.AreaRoutes;
import io.liaison.node.area.AreaService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** The bureau's area of responsibility, and the records indexed that touch it. */
public final class AreaWiring implements Feature {
  private final Parts parts;
  private final AreaService areas;

  public AreaWiring(Parts p) {
    this.parts = p;
    this.areas = new AreaService(p.exec(), p.feed(), p.trust(), p.clock());
    p.indexer().addListener(areas);
    areas.lookBackOver(p.indexer(), p.vertx());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new AreaRoutes(areas, parts.maxPageSize())::mount);
  }

  @Override
  public Future<Void> load() {
    return areas.load().mapEmpty();
  }
}
