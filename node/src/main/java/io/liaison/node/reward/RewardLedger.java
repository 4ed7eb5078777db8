package io.liaison.node.reward;

import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.report.Period;
import io.liaison.api.reward.CaseCredit;
import io.liaison.api.reward.CaseFigures;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Measures;
import io.liaison.api.reward.RewardCalculator;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.api.reward.SharingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The reward ledger's figures, a pure function of the records (no clock, no node state; records in
 * any order give an equal answer): which lead produced which case with the officers credited, the
 * measures per bureau and officer, and the settlement statement of a period.
 */
public final class RewardLedger {
  private RewardLedger() {}

  /** What the ledger needs of a lead: who posted it, and each signed step. */
  public record LeadOf(String id, BureauId origin, String officer, List<Step> steps) {
    public LeadOf {
      steps = List.copyOf(steps);
    }

    /** One signed step: the event, the bureau and officer that signed it, a close's outcome. */
    public record Step(LeadEvent event, BureauId bureau, String officer, Outcome outcome) {}

    /** The case bureau's officer credited: who closed it as 立案, else who claimed it. */
    String caseOfficer(BureauId caseBureau) {
      String claimed = null;
      for (Step s : steps) {
        if (!caseBureau.equals(s.bureau())) {
          continue;
        }
        if (s.event() == LeadEvent.CLOSE && s.outcome() == Outcome.CASE_OPENED) {
          return s.officer();
        }
        if (claimed == null
            && (s.event() == LeadEvent.CLAIM || s.event() == LeadEvent.ACCEPT_HANDOVER)) {
          claimed = s.officer();
        }
      }
      return claimed;
    }
  }

  /** The cases filed in {@code period} with the leads and officers credited, and the measures. */
  public static CreditReport credits(
      List<CaseRecord> cases, Map<String, LeadOf> leads, Period period, long majorFen) {
    List<CaseCredit> credits = new ArrayList<>();
    for (CaseRecord c : cases) {
      if (!period.contains(c.filedOn())) {
        continue;
      }
      long sticks = 0;
      for (BrandItem i : c.items()) {
        sticks += i.sticks();
      }
      boolean major = c.valueFen() >= majorFen;
      boolean police = c.disposition() == Disposition.TRANSFERRED_TO_POLICE;
      List<LeadOf> from = new ArrayList<>();
      for (String id : new TreeSet<>(c.linkedLeadIds())) {
        LeadOf l = leads.get(id);
        if (l != null) {
          from.add(l);
        }
      }
      if (from.isEmpty()) {
        credits.add(
            new CaseCredit(
                c.caseNumber().value(),
                c.bureau(),
                c.filedOn(),
                c.category(),
                null,
                null,
                null,
                null,
                sticks,
                c.valueFen(),
                major,
                police));
      }
      for (LeadOf l : from) {
        credits.add(
            new CaseCredit(
                c.caseNumber().value(),
                c.bureau(),
                c.filedOn(),
                c.category(),
                l.id(),
                l.origin(),
                l.officer(),
                l.caseOfficer(c.bureau()),
                sticks,
                c.valueFen(),
                major,
                police));
      }
    }
    credits.sort(
        Comparator.comparing(CaseCredit::caseBureau)
            .thenComparing(CaseCredit::caseNumber)
            .thenComparing(CaseCredit::leadId, Comparator.nullsFirst(Comparator.naturalOrder())));
    // each party (bureau, or bureau and officer) counts a case once
    Map<String, Tally> bureaus = new TreeMap<>();
    Map<String, Tally> officers = new TreeMap<>();
    for (CaseCredit c : credits) {
      String caseId = c.caseBureau().code() + ":" + c.caseNumber();
      tally(bureaus, c.caseBureau(), null, caseId, c, false);
      if (c.caseOfficer() != null) {
        tally(officers, c.caseBureau(), c.caseOfficer(), caseId, c, false);
      }
      if (c.leadBureau() != null && !c.leadBureau().equals(c.caseBureau())) {
        tally(bureaus, c.leadBureau(), null, caseId, c, true);
      }
      if (c.leadOfficer() != null) {
        tally(
            officers,
            c.leadBureau(),
            c.leadOfficer(),
            caseId,
            c,
            !c.leadBureau().equals(c.caseBureau()));
      }
    }
    return new CreditReport(
        period.label(),
        period.from(),
        period.to(),
        majorFen,
        credits,
        bureaus.values().stream().map(Tally::measures).toList(),
        officers.values().stream().map(Tally::measures).toList());
  }

  private static void tally(
      Map<String, Tally> into,
      BureauId bureau,
      String officer,
      String caseId,
      CaseCredit c,
      boolean fromLead) {
    String key = bureau.code() + "\u0000" + Objects.requireNonNullElse(officer, "");
    into.computeIfAbsent(key, k -> new Tally(bureau, officer)).add(caseId, c, fromLead);
  }

  private static final class Tally {
    final BureauId bureau;
    final String officer;
    final Set<String> seen = new HashSet<>();
    long cases;
    long leadCases;
    long police;
    long major;
    long sticks;
    long valueFen;

    Tally(BureauId bureau, String officer) {
      this.bureau = bureau;
      this.officer = officer;
    }

    void add(String caseId, CaseCredit c, boolean fromLead) {
      if (!seen.add(caseId)) {
        return;
      }
      cases++;
      leadCases += fromLead ? 1 : 0;
      police += c.transferredToPolice() ? 1 : 0;
      major += c.major() ? 1 : 0;
      sticks += c.sticks();
      valueFen += c.valueFen();
    }

    Measures measures() {
      return new Measures(bureau, officer, cases, leadCases, police, major, sticks, valueFen);
    }
  }

  /** The settlement statement of {@code period} from the signed entries paid in it. */
  public static SettlementStatement statement(List<Settlement> all, Period period) {
    return statement(all, period, d -> null);
  }

  /**
   * The same, each informant's reward beside what the signed rule gives ({@code dueFen}: an entry's
   * due amount, or null when it cannot be computed).
   */
  public static SettlementStatement statement(
      List<Settlement> all, Period period, Function<SettlementDraft, Long> dueFen) {
    Map<BureauId, long[]> balances = new TreeMap<>(); // paid, informant, received, entries
    Map<String, SettlementStatement.Flow> flows = new TreeMap<>();
    List<SettlementStatement.InformantLine> informants = new ArrayList<>();
    long total = 0;
    for (Settlement st : all) {
      SettlementDraft d = st.entry();
      if (!period.contains(d.paidOn())) {
        continue;
      }
      total += d.amountFen();
      long[] payer = balances.computeIfAbsent(d.payer(), b -> new long[4]);
      payer[3]++;
      if (d.kind() == RewardKind.INFORMANT) {
        payer[1] += d.amountFen();
        informants.add(
            new SettlementStatement.InformantLine(
                d.payer(),
                d.leadId(),
                d.caseNumber(),
                d.paidOn(),
                d.amountFen(),
                st.id(),
                dueFen.apply(d)));
        continue;
      }
      payer[0] += d.amountFen();
      balances.computeIfAbsent(d.payeeBureau(), b -> new long[4])[2] += d.amountFen();
      String key = d.payer().code() + "|" + d.payeeBureau().code() + "|" + d.kind();
      SettlementStatement.Flow f = flows.get(key);
      flows.put(
          key,
          new SettlementStatement.Flow(
              d.payer(),
              d.payeeBureau(),
              d.kind(),
              (f == null ? 0 : f.entries()) + 1,
              (f == null ? 0 : f.fen()) + d.amountFen()));
    }
    informants.sort(
        Comparator.comparing(SettlementStatement.InformantLine::payer)
            .thenComparing(SettlementStatement.InformantLine::paidOn)
            .thenComparing(SettlementStatement.InformantLine::settlementId));
    List<SettlementStatement.Balance> rows = new ArrayList<>();
    balances.forEach(
        (b, v) ->
            rows.add(
                new SettlementStatement.Balance(b, v[0], v[1], v[2], v[2] - v[0] - v[1], v[3])));
    return new SettlementStatement(
        period.label(),
        period.from(),
        period.to(),
        rows,
        List.copyOf(flows.values()),
        informants,
        total);
  }

  /**
   * What an informant is due for an entry by the signed sharing rule it names ({@code ruleVersion},
   * checked at signing to be the one in force on the case's filing day), computed from the case's
   * figures as {@link RewardCalculator#informantFen} does; null for a bureau's share (the case
   * carries no bureau reward to share), or when the rule version is not among those agreed, or the
   * case's figures are out of the calculator's range.
   */
  public static Long informantDue(SettlementDraft d, CaseRecord c, List<SharingRule> agreed) {
    if (d.kind() != RewardKind.INFORMANT || c == null) {
      return null;
    }
    for (SharingRule r : agreed) {
      if (r.version() == d.ruleVersion()) {
        try {
          return RewardCalculator.informantFen(r, new CaseFigures(c.valueFen(), c.fineFen(), 0));
        } catch (RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }
}
