package io.liaison.node.wiring;

import io.liaison.node.cases.CaseRoutes;
import io.liaison.node.cases.CaseService;
import io.liaison.node.cluster.GridConfig;
import io.liaison.node.imports.CaseImports;
import io.liaison.node.imports.ImportRoutes;
import io.liaison.node.settings.SettingsService;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Shared cases and the register import that files them. */
public final class CaseWiring implements Feature {
  private final Parts parts;
  private final CaseService cases;
  private final CaseImports imports;

  public CaseWiring(Parts p, SettingsService settings) {
    this.parts = p;
    this.cases =
        new CaseService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(GridConfig.CASES),
            p.feed(),
            p.quarantine(),
            () -> settings.majorCaseThresholdFen().orElse(CaseService.MAJOR_FEN),
            p.clock(),
            p.registry());
    p.indexer().meter(p.registry());
    this.imports = new CaseImports(p.exec(), cases, p.config().dataDir(), p.clock());
  }

  /** Register imports (tests resume them). */
  public CaseImports imports() {
    return imports;
  }

  @Override
  public List<Consumer<Router>> routes() {
    // imports first: /cases/imports is not a case number
    return List.of(
        new ImportRoutes(parts.vertx(), imports)::mount,
        new CaseRoutes(cases, parts.config().demo().caseSeeding())::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(GridConfig.CASES, cases::receive, cases.reconciler());
  }

  @Override
  public void ready() {
    imports.resume(); // register imports a stop interrupted go on
  }

  @Override
  public void stop() {
    imports.stop();
    cases.stop();
  }
}
