package io.liaison.node.wiring;

import io.liaison.node.price.PriceService;
import io.liaison.node.report.ReportRoutes;
import io.liaison.node.report.ReportService;
import io.liaison.node.settings.SettingsService;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Reports over the shared records (statistics, rewards, prices). */
public final class ReportWiring implements Feature {
  private final ReportService reports;

  public ReportWiring(Parts p, PriceService prices, SettingsService settings) {
    this.reports =
        new ReportService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(ReportService.MAP),
            p.feed(),
            p.quarantine(),
            prices,
            settings::inForceAt,
            p.clock());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new ReportRoutes(reports)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(ReportService.MAP, reports::receive, reports.reconciler());
  }
}
