package io.liaison.node.wiring;

import io.liaison.node.settings.SettingsRoutes;
import io.liaison.node.settings.SettingsService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** The rules the bureaus agreed (feedback period, major-case value), read by other features. */
public final class SettingsWiring implements Feature {
  private final SettingsService settings;

  public SettingsWiring(Parts p) {
    this.settings =
        new SettingsService(
            p.vertx(), p.exec(), p.trust(), p.map(SettingsService.MAP), p.quarantine(), p.clock());
  }

  public SettingsService service() {
    return settings;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new SettingsRoutes(settings)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(SettingsService.MAP, settings::receive, settings.reconciler());
  }

  @Override
  public Future<Void> load() {
    return settings.load().mapEmpty();
  }
}
