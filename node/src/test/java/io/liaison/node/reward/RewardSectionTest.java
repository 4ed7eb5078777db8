package io.liaison.node.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.report.Period;
import io.liaison.api.report.RewardFigures;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Measures;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.node.report.LeadFact;
import io.liaison.node.report.RewardSection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The briefing's reward section (季度通报, 奖励兑现) says what the ledger says: over the 10,000 generated
 * cases and 2,000 entries of {@link RewardLedgerTest}, every bureau's credited cases and settled
 * amounts equal its row in the credits (themselves checked against a brute-force recount) and in
 * the statement, and what it received equals a plain count.
 */
class RewardSectionTest {
  @Test
  void everyBureausFiguresEqualTheLedgers() {
    RewardLedgerTest.Data data = RewardLedgerTest.generate(20260701L);
    List<LeadFact> leads =
        data.leads().values().stream()
            .map(l -> new LeadFact(l.id(), l.origin(), Instant.EPOCH, List.of(), List.of()))
            .toList();
    for (Period p : List.of(Period.parse("2026Q2"), Period.parse("2026Q3"))) {
      CreditReport credits =
          RewardLedger.credits(data.cases(), data.leads(), p, RewardLedgerTest.MAJOR);
      SettlementStatement statement = RewardLedger.statement(data.entries(), p);
      for (BureauId b : RewardLedgerTest.BUREAUS) {
        RewardFigures r = RewardSection.of(b, p, data.cases(), leads, data.entries());
        Measures m =
            credits.bureaus().stream().filter(x -> x.bureau().equals(b)).findFirst().orElseThrow();
        assertThat(r.creditedCases()).as("%s %s credited", b, p).isEqualTo(m.cases());
        assertThat(r.leadCases()).as("%s %s lead cases", b, p).isEqualTo(m.leadCases());
        SettlementStatement.Balance bal =
            statement.bureaus().stream()
                .filter(x -> x.bureau().equals(b))
                .findFirst()
                .orElseThrow();
        assertThat(r.paidEntries()).isEqualTo(bal.entries());
        assertThat(r.paidToBureausFen()).isEqualTo(bal.paidToBureausFen());
        assertThat(r.paidToInformantsFen()).isEqualTo(bal.informantFen());
        assertThat(r.receivedFen()).isEqualTo(bal.receivedFen());
        assertThat(r.receivedEntries())
            .isEqualTo(
                data.entries().stream()
                    .filter(
                        e -> p.contains(e.entry().paidOn()) && b.equals(e.entry().payeeBureau()))
                    .count());
        assertThat(r.receivedEntries()).isPositive();
      }
    }
  }
}
