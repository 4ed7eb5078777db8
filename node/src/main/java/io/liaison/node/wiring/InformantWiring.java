package io.liaison.node.wiring;

import io.liaison.crypto.OfficerSealer;
import io.liaison.node.informant.InformantRoutes;
import io.liaison.node.informant.InformantService;
import io.liaison.node.lead.LeadQueries;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Informants' sealed identities and reports, opened only under the rules. */
public final class InformantWiring implements Feature {
  private final Parts parts;
  private final InformantService informants;

  public InformantWiring(Parts p, LeadQueries queries) {
    this.parts = p;
    this.informants =
        new InformantService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(InformantService.MAP),
            p.quarantine(),
            queries::get,
            OfficerSealer.KDF,
            p.clock());
  }

  /** The register, read by the reward ledger (a paid informant's line goes 已兑现). */
  public InformantService service() {
    return informants;
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new InformantRoutes(informants, parts.maxPageSize())::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(InformantService.MAP, informants::receive, informants.reconciler());
  }
}
