package io.liaison.node.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Location;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.report.Period;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.Measures;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.node.reward.RewardLedger.LeadOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ledger's figures against a brute-force recount over 10,000 generated cases, 3,000 leads and
 * 2,000 settlement entries: every bureau's and officer's measures and every bureau's position,
 * computed again the plain way (for each party, look at every case), and the records in another
 * order give an equal answer.
 */
class RewardLedgerTest {
  static final List<BureauId> BUREAUS =
      List.of("150924", "150981", "140222", "140221", "130728", "130725").stream()
          .map(BureauId::of)
          .toList();
  static final long MAJOR = 5_000_000L;

  record Data(List<CaseRecord> cases, Map<String, LeadOf> leads, List<Settlement> entries) {}

  static Data generate(long seed) {
    Random r = new Random(seed);
    Map<String, LeadOf> leads = new HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      BureauId origin = BUREAUS.get(r.nextInt(BUREAUS.size()));
      List<LeadOf.Step> steps = new ArrayList<>();
      int n = r.nextInt(4);
      for (int k = 0; k < n; k++) {
        BureauId b = BUREAUS.get(r.nextInt(BUREAUS.size()));
        LeadEvent e =
            List.of(LeadEvent.CLAIM, LeadEvent.ACCEPT_HANDOVER, LeadEvent.FEEDBACK, LeadEvent.CLOSE)
                .get(r.nextInt(4));
        Outcome o =
            e == LeadEvent.CLOSE
                ? (r.nextBoolean() ? Outcome.CASE_OPENED : Outcome.UNFOUNDED)
                : null;
        steps.add(new LeadOf.Step(e, b, b.code() + "-" + (100 + r.nextInt(5)), o));
      }
      String id = "L-" + i;
      leads.put(id, new LeadOf(id, origin, origin.code() + "-" + (100 + r.nextInt(5)), steps));
    }
    List<CaseRecord> cases = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      BureauId b = BUREAUS.get(r.nextInt(BUREAUS.size()));
      LocalDate filed = LocalDate.of(2025, 12, 1).plusDays(r.nextInt(400));
      Disposition d = Disposition.values()[r.nextInt(Disposition.values().length)];
      List<String> linked = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        linked.add("L-" + r.nextInt(3_300)); // some not held
      }
      List<BrandItem> items = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        items.add(new BrandItem("玉溪", "软", 200L * (1 + r.nextInt(500))));
      }
      cases.add(
          new CaseRecord(
              CaseNumber.of("烟立字〔2026〕第" + i + "号"),
              b,
              CaseCategory.values()[r.nextInt(CaseCategory.values().length)],
              filed,
              filed,
              d == Disposition.PENDING ? null : filed.plusDays(r.nextInt(30)),
              Location.of(b.code(), null, "某地"),
              List.of(),
              items,
              r.nextInt(3) == 0 ? MAJOR + r.nextInt(1000) - 500 : r.nextInt(10_000_000),
              d,
              0,
              linked,
              "案情",
              1,
              null,
              null,
              null));
    }
    List<Settlement> entries = new ArrayList<>();
    int[] numbers = new int[BUREAUS.size()];
    for (int i = 0; i < 2_000; i++) {
      int p = r.nextInt(BUREAUS.size());
      BureauId payer = BUREAUS.get(p);
      RewardKind kind = RewardKind.values()[r.nextInt(3)];
      BureauId payee =
          kind == RewardKind.INFORMANT
              ? null
              : BUREAUS.get((p + 1 + r.nextInt(BUREAUS.size() - 1)) % BUREAUS.size());
      SettlementDraft d =
          new SettlementDraft(
              payer.code() + "-001",
              payer,
              kind,
              "烟立字〔2026〕第" + r.nextInt(10_000) + "号",
              payer,
              "L-" + r.nextInt(3_000),
              payee,
              1 + r.nextInt(10_000_000),
              1,
              LocalDate.of(2025, 12, 1).plusDays(r.nextInt(400)),
              null);
      entries.add(
          new Settlement(
              "settlement-" + payer.code() + "-" + ++numbers[p], d, Instant.EPOCH, "h" + i));
    }
    return new Data(cases, leads, entries);
  }

  /** The case bureau's officer, written again: who closed it 立案, else who first took it. */
  static Optional<String> caseOfficer(LeadOf l, BureauId b) {
    Optional<String> closed =
        l.steps().stream()
            .filter(
                s ->
                    s.bureau().equals(b)
                        && s.event() == LeadEvent.CLOSE
                        && s.outcome() == Outcome.CASE_OPENED)
            .map(LeadOf.Step::officer)
            .findFirst();
    return closed.or(
        () ->
            l.steps().stream()
                .filter(
                    s ->
                        s.bureau().equals(b)
                            && (s.event() == LeadEvent.CLAIM
                                || s.event() == LeadEvent.ACCEPT_HANDOVER))
                .map(LeadOf.Step::officer)
                .findFirst());
  }

  interface Credited {
    boolean test(CaseRecord c, List<LeadOf> held);
  }

  static Measures recount(
      Data data, Period period, BureauId bureau, String officer, Credited credited) {
    long cases = 0;
    long leadCases = 0;
    long police = 0;
    long major = 0;
    long sticks = 0;
    long value = 0;
    for (CaseRecord c : data.cases()) {
      if (c.filedOn().isBefore(period.from()) || c.filedOn().isAfter(period.to())) {
        continue;
      }
      List<LeadOf> held =
          c.linkedLeadIds().stream().map(data.leads()::get).filter(l -> l != null).toList();
      if (!credited.test(c, held)) {
        continue;
      }
      cases++;
      leadCases += c.bureau().equals(bureau) ? 0 : 1;
      police += c.disposition() == Disposition.TRANSFERRED_TO_POLICE ? 1 : 0;
      major += c.valueFen() >= MAJOR ? 1 : 0;
      sticks += c.items().stream().mapToLong(BrandItem::sticks).sum();
      value += c.valueFen();
    }
    return new Measures(bureau, officer, cases, leadCases, police, major, sticks, value);
  }

  @Test
  void aCaseIsSettledUnderTheNewestAgreedVersionInForceOnItsFilingDay() {
    io.liaison.api.reward.SharingRule v1 =
        new io.liaison.api.reward.SharingRule(
            1, 30, io.liaison.api.reward.RewardBase.FINE, 500, 100, "一", LocalDate.of(2026, 1, 1));
    io.liaison.api.reward.SharingRule v2 =
        new io.liaison.api.reward.SharingRule(
            2, 40, io.liaison.api.reward.RewardBase.FINE, 500, 100, "二", LocalDate.of(2026, 7, 1));
    // a later version back-dated below an earlier one wins from its own day
    io.liaison.api.reward.SharingRule v3 =
        new io.liaison.api.reward.SharingRule(
            3, 50, io.liaison.api.reward.RewardBase.VALUE, 500, 100, "三", LocalDate.of(2026, 3, 1));
    List<io.liaison.api.reward.SharingRule> agreed = List.of(v2, v1);
    assertThat(SharingRuleService.inForceOn(agreed, LocalDate.of(2025, 12, 31))).isEmpty();
    assertThat(SharingRuleService.inForceOn(agreed, LocalDate.of(2026, 6, 30))).contains(v1);
    assertThat(SharingRuleService.inForceOn(agreed, LocalDate.of(2026, 7, 1))).contains(v2);
    List<io.liaison.api.reward.SharingRule> three = List.of(v1, v3, v2);
    assertThat(SharingRuleService.inForceOn(three, LocalDate.of(2026, 2, 28))).contains(v1);
    assertThat(SharingRuleService.inForceOn(three, LocalDate.of(2026, 8, 1))).contains(v3);
  }

  @Test
  void everyMeasureEqualsABruteForceRecountOver10kCases() {
    Data data = generate(20260630L);
    for (Period period :
        List.of(Period.parse("2026Q2"), Period.parse("2026H1"), Period.parse("2026-01"))) {
      CreditReport report = RewardLedger.credits(data.cases(), data.leads(), period, MAJOR);
      assertThat(report.bureaus()).isNotEmpty();
      for (Measures m : report.bureaus()) {
        BureauId b = m.bureau();
        assertThat(m)
            .isEqualTo(
                recount(
                    data,
                    period,
                    b,
                    null,
                    (c, held) ->
                        c.bureau().equals(b) || held.stream().anyMatch(l -> l.origin().equals(b))));
      }
      // every bureau with a case in the period has a row
      long withCases =
          data.cases().stream()
              .filter(c -> period.contains(c.filedOn()))
              .map(CaseRecord::bureau)
              .distinct()
              .count();
      assertThat(report.bureaus().size()).isGreaterThanOrEqualTo((int) withCases);
      assertThat(report.officers()).isNotEmpty();
      for (Measures m : report.officers()) {
        BureauId b = m.bureau();
        String o = m.officer();
        assertThat(m)
            .isEqualTo(
                recount(
                    data,
                    period,
                    b,
                    o,
                    (c, held) ->
                        held.stream()
                            .anyMatch(
                                l ->
                                    (l.origin().equals(b) && l.officer().equals(o))
                                        || (c.bureau().equals(b)
                                            && caseOfficer(l, b).filter(o::equals).isPresent()))));
      }
      // one row per case and held lead (one for a case with none)
      long rows =
          data.cases().stream()
              .filter(c -> period.contains(c.filedOn()))
              .mapToLong(
                  c ->
                      Math.max(
                          1,
                          new TreeSet<>(c.linkedLeadIds())
                              .stream().filter(data.leads()::containsKey).count()))
              .sum();
      assertThat(report.credits()).hasSize((int) rows);
      // the records in another order: an equal answer
      List<CaseRecord> shuffled = new ArrayList<>(data.cases());
      Collections.shuffle(shuffled, new Random(7));
      assertThat(RewardLedger.credits(shuffled, data.leads(), period, MAJOR)).isEqualTo(report);
    }
  }

  @Test
  void everyPositionEqualsABruteForceRecountAndNoFenIsMadeOrLost() {
    Data data = generate(42L);
    Period q = Period.parse("2026Q2");
    SettlementStatement s = RewardLedger.statement(data.entries(), q);
    List<SettlementDraft> in =
        data.entries().stream().map(Settlement::entry).filter(d -> q.contains(d.paidOn())).toList();
    assertThat(s.totalFen()).isEqualTo(in.stream().mapToLong(SettlementDraft::amountFen).sum());
    assertThat(s.bureaus()).isNotEmpty();
    long net = 0;
    for (SettlementStatement.Balance b : s.bureaus()) {
      long paid =
          in.stream()
              .filter(d -> d.payer().equals(b.bureau()) && d.kind() != RewardKind.INFORMANT)
              .mapToLong(SettlementDraft::amountFen)
              .sum();
      long informant =
          in.stream()
              .filter(d -> d.payer().equals(b.bureau()) && d.kind() == RewardKind.INFORMANT)
              .mapToLong(SettlementDraft::amountFen)
              .sum();
      long received =
          in.stream()
              .filter(d -> b.bureau().equals(d.payeeBureau()))
              .mapToLong(SettlementDraft::amountFen)
              .sum();
      long entries = in.stream().filter(d -> d.payer().equals(b.bureau())).count();
      assertThat(b)
          .isEqualTo(
              new SettlementStatement.Balance(
                  b.bureau(), paid, informant, received, received - paid - informant, entries));
      net += b.netFen();
    }
    long informants =
        in.stream()
            .filter(d -> d.kind() == RewardKind.INFORMANT)
            .mapToLong(SettlementDraft::amountFen)
            .sum();
    // what one bureau pays another, the other receives: the positions sum to what left the region
    assertThat(net).isEqualTo(-informants);
    assertThat(s.informants())
        .hasSize((int) in.stream().filter(d -> d.kind() == RewardKind.INFORMANT).count());
    assertThat(s.flows().stream().mapToLong(SettlementStatement.Flow::fen).sum())
        .isEqualTo(s.totalFen() - informants);
    List<Settlement> shuffled = new ArrayList<>(data.entries());
    Collections.shuffle(shuffled, new Random(3));
    assertThat(RewardLedger.statement(shuffled, q)).isEqualTo(s);
  }

  /**
   * What a bureau owes an informant by the signed rule, beside what it entered: the rule version
   * the entry names applied to the case's figures (fine or value as the rule says, capped).
   */
  @Test
  void anInformantLineShowsWhatTheSignedRuleGivesBesideWhatWasEntered() {
    BureauId x = BureauId.of("150924");
    io.liaison.api.reward.SharingRule byFine =
        new io.liaison.api.reward.SharingRule(
            1,
            30,
            io.liaison.api.reward.RewardBase.FINE,
            500,
            1_000_000L,
            "附件二",
            LocalDate.of(2026, 1, 1));
    io.liaison.api.reward.SharingRule byValue =
        new io.liaison.api.reward.SharingRule(
            2,
            30,
            io.liaison.api.reward.RewardBase.VALUE,
            100,
            50_000L,
            "附件三",
            LocalDate.of(2026, 7, 1));
    LocalDate filed = LocalDate.of(2026, 5, 6);
    CaseRecord fined =
        new CaseRecord(
            CaseNumber.of("兴烟立字〔2026〕第88号"),
            x,
            CaseCategory.values()[0],
            filed,
            filed,
            filed.plusDays(20),
            Location.of(x.code(), null, "某地"),
            List.of(),
            List.of(),
            6_200_000,
            Disposition.ADMINISTRATIVE_PENALTY,
            2_000_000,
            List.of("150924-20260506-AAAA1111"),
            "案情",
            1,
            null,
            null,
            null);
    SettlementDraft paid =
        new SettlementDraft(
            "150924-017",
            x,
            RewardKind.INFORMANT,
            "兴烟立字〔2026〕第88号",
            x,
            "150924-20260506-AAAA1111",
            null,
            120_000,
            1,
            LocalDate.of(2026, 6, 30),
            null);
    List<io.liaison.api.reward.SharingRule> agreed = List.of(byValue, byFine);
    // version 1, 5% of the fine: 5% × 20,000元 = 1,000元
    assertThat(RewardLedger.informantDue(paid, fined, agreed)).isEqualTo(100_000L);
    // version 2, 1% of the value: 620元, capped at 500元
    assertThat(RewardLedger.informantDue(version(paid, 2), fined, agreed)).isEqualTo(50_000L);
    // nothing to compute from: no such version agreed, no case held, a bureau's share
    assertThat(RewardLedger.informantDue(version(paid, 3), fined, agreed)).isNull();
    assertThat(RewardLedger.informantDue(paid, null, agreed)).isNull();
    SettlementDraft share =
        new SettlementDraft(
            "150924-017",
            x,
            RewardKind.LEAD_BUREAU,
            "兴烟立字〔2026〕第88号",
            x,
            "150924-20260506-AAAA1111",
            BureauId.of("140222"),
            5_000,
            1,
            LocalDate.of(2026, 6, 30),
            null);
    assertThat(RewardLedger.informantDue(share, fined, agreed)).isNull();

    // the statement puts it beside the amount entered; its table shows both and the difference
    Period q2 = Period.quarter(2026, 2);
    SettlementStatement st =
        RewardLedger.statement(
            List.of(
                new Settlement("settlement-150924-1", share, Instant.EPOCH, "h1"),
                new Settlement("settlement-150924-2", paid, Instant.EPOCH, "h2")),
            q2,
            d -> RewardLedger.informantDue(d, fined, agreed));
    assertThat(st.informants())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.amountFen()).isEqualTo(120_000L);
              assertThat(i.dueFen()).isEqualTo(100_000L);
            });
    var table =
        RewardTables.of(RewardLedger.credits(List.of(), Map.of(), q2, MAJOR), st).stream()
            .filter(t -> t.id().equals("informants"))
            .findFirst()
            .orElseThrow();
    assertThat(table.headers()).contains("金额（元）", "按规则应付（元）", "差额（元）");
    assertThat(table.rows().get(0).toString()).contains("1200.00, 1000.00, 200.00");
    // without the rule or the case: unknown, not zero
    List<Settlement> alone =
        List.of(new Settlement("settlement-150924-2", paid, Instant.EPOCH, "h2"));
    assertThat(RewardLedger.statement(alone, q2).informants().get(0).dueFen()).isNull();
  }

  static SettlementDraft version(SettlementDraft d, long v) {
    return new SettlementDraft(
        d.officer(),
        d.payer(),
        d.kind(),
        d.caseNumber(),
        d.caseBureau(),
        d.leadId(),
        d.payeeBureau(),
        d.amountFen(),
        v,
        d.paidOn(),
        d.note());
  }
}
