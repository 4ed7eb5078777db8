package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.report.Period;
import io.liaison.api.report.RewardFigures;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.Units;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The briefing's reward section (奖励兑现): settled amounts and credited cases of one bureau in a
 * period, a pure function of the records like the rest of the briefing (see {@code
 * docs/reports.md}). Its own class so that the engine only registers it.
 */
public final class RewardSection {
  private RewardSection() {}

  public static RewardFigures of(
      BureauId bureau,
      Period period,
      Iterable<? extends CountedCase> cases,
      Iterable<LeadFact> leads,
      Iterable<Settlement> settlements) {
    long paid = 0;
    long toBureaus = 0;
    long toInformants = 0;
    long received = 0;
    long receivedFen = 0;
    for (Settlement st : settlements) {
      SettlementDraft d = st.entry();
      if (!period.contains(d.paidOn())) {
        continue;
      }
      if (d.payer().equals(bureau)) {
        paid++;
        if (d.kind() == RewardKind.INFORMANT) {
          toInformants += d.amountFen();
        } else {
          toBureaus += d.amountFen();
        }
      } else if (bureau.equals(d.payeeBureau())) {
        received++;
        receivedFen += d.amountFen();
      }
    }
    Map<String, BureauId> origin = new HashMap<>();
    for (LeadFact l : leads) {
      origin.put(l.id(), l.origin());
    }
    Set<String> credited = new HashSet<>();
    long leadCases = 0;
    for (CountedCase c : cases) {
      if (!period.contains(c.filedOn())) {
        continue;
      }
      boolean own = c.bureau().equals(bureau);
      boolean fromLead =
          !own && c.linkedLeadIds().stream().anyMatch(id -> bureau.equals(origin.get(id)));
      if ((own || fromLead) && credited.add(c.bureau().code() + ":" + c.caseNumber().value())) {
        leadCases += fromLead ? 1 : 0;
      }
    }
    return new RewardFigures(
        paid, toBureaus, toInformants, received, receivedFen, credited.size(), leadCases);
  }

  /** The briefing's reward table (奖励兑现), in 元. */
  static Table table(RewardFigures r) {
    return new Table(
        "rewards",
        "奖励兑现",
        List.of("支付笔数", "支付他局分成（元）", "支付举报奖励（元）", "收到笔数", "收到分成（元）", "记功案件（起）", "其中线索成案（起）"),
        List.of(
            List.of(
                r.paidEntries(),
                Units.yuan(r.paidToBureausFen()),
                Units.yuan(r.paidToInformantsFen()),
                r.receivedEntries(),
                Units.yuan(r.receivedFen()),
                r.creditedCases(),
                r.leadCases())));
  }
}
