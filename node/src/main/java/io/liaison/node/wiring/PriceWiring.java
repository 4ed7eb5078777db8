package io.liaison.node.wiring;

import io.liaison.node.price.PriceRoutes;
import io.liaison.node.price.PriceService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Price checks and the shared price book. */
public final class PriceWiring implements Feature {
  private final Parts parts;
  private final PriceService prices;

  public PriceWiring(Parts p) {
    this.parts = p;
    this.prices =
        new PriceService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(PriceService.MAP),
            p.feed(),
            p.quarantine(),
            p.clock());
  }

  public PriceService service() {
    return prices;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new PriceRoutes(parts.vertx(), prices)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(PriceService.MAP, prices::receive, prices.reconciler());
  }

  @Override
  public Future<Void> load() {
    return prices.start().mapEmpty();
  }
}
