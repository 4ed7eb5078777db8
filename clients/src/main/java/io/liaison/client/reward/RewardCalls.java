package io.liaison.client.reward;

import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.api.reward.Settlements;
import io.liaison.api.reward.SharingRule;
import io.liaison.api.reward.SharingRuleView;
import io.liaison.client.LiaisonClient;
import io.liaison.client.settings.AgreementCalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The reward ledger (奖励兑现, {@code /api/v1/rewards}): the sharing rule the bureaus all sign, the
 * signed settlement entries, credits and measures, the settlement statement and its tables. Obtain
 * with {@link LiaisonClient#rewards()}. The rule is an agreement like the settings ({@link
 * AgreementCalls}).
 */
public final class RewardCalls {
  private final LiaisonClient client;
  private final AgreementCalls<SharingRuleView, SharingRule> rule;

  public RewardCalls(LiaisonClient client) {
    this.client = client;
    this.rule = new AgreementCalls<>(client, "/api/v1/rewards/rules", SharingRuleView.class);
  }

  /** The rule in force (null when none is agreed), the proposals and every agreed version. */
  public SharingRuleView rules() {
    return rule.view();
  }

  /** Proposes the next version of the rule, signed by this bureau (the chief's action). */
  public SharingRuleView proposeRule(SharingRule next) {
    return rule.propose(next);
  }

  /** Signs this bureau's agreement to the proposal of {@code version} with this content hash. */
  public SharingRuleView agreeRule(long version, String contentHash) {
    return rule.agree(version, contentHash);
  }

  /** Signs a payment this bureau makes (the chief's action). */
  public Settlement settle(SettlementDraft draft) {
    return client.post("/api/v1/rewards/settlements", draft, Settlement.class);
  }

  /** The signed entries the node holds, by payer and number. */
  public Settlements settlements() {
    return client.get("/api/v1/rewards/settlements", Settlements.class);
  }

  /** Which lead produced which case, the officers credited, the measures, for a period. */
  public CreditReport credits(String period) {
    return client.get("/api/v1/rewards/credits?period=" + q(period), CreditReport.class);
  }

  /** The settlement statement of a period (per bureau paid, received, net; informants by line). */
  public SettlementStatement statement(String period) {
    return client.get("/api/v1/rewards/statement?period=" + q(period), SettlementStatement.class);
  }

  /**
   * One table as CSV (UTF-8 with BOM): {@code credits}, {@code bureaus}, {@code officers}, {@code
   * balances}, {@code flows}, {@code informants}.
   */
  public byte[] csv(String period, String table) {
    return client.bytes("/api/v1/rewards/csv/" + q(table) + "?period=" + q(period));
  }

  /** The period's ledger as an XLSX workbook (a sheet per table). */
  public byte[] xlsx(String period) {
    return client.bytes("/api/v1/rewards/xlsx?period=" + q(period));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
