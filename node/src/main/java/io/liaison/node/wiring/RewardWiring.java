package io.liaison.node.wiring;

import io.liaison.node.informant.InformantService;
import io.liaison.node.reward.RewardRoutes;
import io.liaison.node.reward.RewardService;
import io.liaison.node.reward.SettlementService;
import io.liaison.node.reward.SharingRuleService;
import io.liaison.node.settings.SettingsService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reward ledger (奖励兑现): the sharing rule the bureaus sign, the signed settlement entries (an
 * informant's reward moves the register line), credits, measures and the statement.
 */
public final class RewardWiring implements Feature {
  private final SharingRuleService rules;
  private final SettlementService settlements;
  private final RewardService rewards;

  public RewardWiring(Parts p, InformantService informants, SettingsService settings) {
    this.rules =
        new SharingRuleService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(SharingRuleService.MAP),
            p.quarantine(),
            p.clock());
    this.settlements =
        new SettlementService(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(SettlementService.MAP),
            p.quarantine(),
            informants,
            rules,
            p.clock());
    this.rewards = new RewardService(p.exec(), settings::forCounting, p.clock(), rules::agreed);
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new RewardRoutes(rules, settlements, rewards)::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(SharingRuleService.MAP, rules::receive, rules.reconciler());
    join.records(SettlementService.MAP, settlements::receive, settlements.reconciler());
  }

  @Override
  public Future<Void> load() {
    return rules.load();
  }
}
