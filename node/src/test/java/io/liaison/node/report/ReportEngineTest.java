package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.report.ActionFigures;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.FeedbackFigures;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every figure of the engine against a brute-force recount over 10k generated records. */
class ReportEngineTest {
  private static final List<CaseRecord> CASES = RecordGenerator.cases(30, 10_000);
  private static final List<LeadFact> LEADS = RecordGenerator.leads(31, 10_000);
  private static final List<ActionFact> ACTIONS = RecordGenerator.actions(32, 10_000);
  private static final List<MergeFact> MERGES = RecordGenerator.merges(33, 10_000);
  private static final ReportEngine.Sources ALL =
      new ReportEngine.Sources(CASES, LEADS, ACTIONS, MERGES);
  private static final List<Period> PERIODS =
      List.of(
          Period.quarter(2025, 1),
          Period.quarter(2025, 4),
          Period.quarter(2026, 2),
          Period.half(2025, 2),
          Period.month(2026, 3),
          Period.range(LocalDate.of(2025, 2, 14), LocalDate.of(2026, 1, 3)));

  @Test
  void everyCaseFigureEqualsABruteForceRecount() {
    int checkedRows = 0;
    for (BureauId b : RecordGenerator.BUREAUS) {
      for (Period p : PERIODS) {
        Briefing r = ReportEngine.briefing(b, p, CASES, LEADS, PriceFacts.NONE, "");
        // brute force: a fresh scan per figure, with the dates converted independently
        Predicate<CaseRecord> mine =
            c ->
                c.bureau().equals(b)
                    && c.filedOn().toEpochDay() >= p.from().toEpochDay()
                    && c.filedOn().toEpochDay() <= p.to().toEpochDay();
        for (CategoryRow row : r.cases().byCategory()) {
          CaseCategory k = row.category();
          assertThat(row.cases()).isEqualTo(count(mine.and(c -> c.category() == k)));
          assertThat(row.sticks())
              .isEqualTo(
                  CASES.stream()
                      .filter(mine.and(c -> c.category() == k))
                      .flatMap(c -> c.items().stream())
                      .mapToLong(i -> i.sticks())
                      .sum());
          assertThat(row.valueFen())
              .isEqualTo(
                  CASES.stream()
                      .filter(mine.and(c -> c.category() == k))
                      .mapToLong(CaseRecord::valueFen)
                      .sum());
          checkedRows++;
        }
        assertThat(r.cases().byCategory()).hasSize(CaseCategory.values().length);
        assertThat(r.cases().total().cases()).isEqualTo(count(mine));
        assertThat(r.cases().total().valueFen())
            .isEqualTo(CASES.stream().filter(mine).mapToLong(CaseRecord::valueFen).sum());
        assertThat(r.cases().majorCases())
            .extracting(MajorCase::caseNumber)
            .containsExactlyInAnyOrderElementsOf(
                CASES.stream()
                    .filter(mine.and(c -> c.valueFen() >= 50_000_00L))
                    .map(c -> c.caseNumber().value())
                    .toList());
        assertThat(r.cases().majorCases())
            .isSortedAccordingTo((x, y) -> Long.compare(y.valueFen(), x.valueFen()));
        assertThat(r.cases().transferredToPolice())
            .isEqualTo(count(mine.and(c -> c.disposition() == Disposition.TRANSFERRED_TO_POLICE)));
        assertThat(r.cases().transferredToMarketRegulation())
            .isEqualTo(
                count(
                    mine.and(
                        c -> c.disposition() == Disposition.TRANSFERRED_TO_MARKET_REGULATION)));
        assertThat(r.cases().pending())
            .isEqualTo(count(mine.and(c -> c.disposition() == Disposition.PENDING)));
        Predicate<CaseRecord> threshold =
            mine.and(c -> c.valueFen() >= 50_000_00L && c.disposition() != Disposition.PENDING);
        assertThat(r.cases().thresholdCasesDisposed()).isEqualTo(count(threshold));
        assertThat(r.cases().thresholdCasesTransferred())
            .isEqualTo(
                count(threshold.and(c -> c.disposition() == Disposition.TRANSFERRED_TO_POLICE)));
        assertThat(r.cases().detainedPersons())
            .isEqualTo(CASES.stream().filter(mine).mapToLong(CaseRecord::detainedPersons).sum());
        assertThat(r.cases().sentencedPersons())
            .isEqualTo(CASES.stream().filter(mine).mapToLong(CaseRecord::sentencedPersons).sum());
        assertThat(r.cases().fineFen())
            .isEqualTo(CASES.stream().filter(mine).mapToLong(CaseRecord::fineFen).sum());
        assertThat(r.cases().treasuryFen())
            .isEqualTo(CASES.stream().filter(mine).mapToLong(CaseRecord::treasuryFen).sum());
        checkLeads(b, p, r);
      }
    }
    assertThat(checkedRows).isGreaterThan(200);
  }

  private static void checkLeads(BureauId b, Period p, Briefing r) {
    ZoneId sh = ZoneId.of("Asia/Shanghai");
    Predicate<Instant> in =
        t -> {
          LocalDate d = t.atZone(sh).toLocalDate();
          return !d.isBefore(p.from()) && !d.isAfter(p.to());
        };
    assertThat(r.leads().sent())
        .isEqualTo(
            LEADS.stream().filter(l -> l.origin().equals(b) && in.test(l.postedAt())).count());
    assertThat(r.leads().received())
        .isEqualTo(
            LEADS.stream()
                .filter(
                    l ->
                        !l.origin().equals(b)
                            && (l.targets().isEmpty() || l.targets().contains(b))
                            && in.test(l.postedAt()))
                .count());
    assertThat(r.leads().claimed()).isEqualTo(steps(b, in, LeadEvent.CLAIM, null));
    assertThat(r.leads().handoversOffered())
        .isEqualTo(steps(b, in, LeadEvent.OFFER_HANDOVER, null));
    assertThat(r.leads().handoversAccepted())
        .isEqualTo(steps(b, in, LeadEvent.ACCEPT_HANDOVER, null));
    assertThat(r.leads().feedbackGiven()).isEqualTo(steps(b, in, LeadEvent.FEEDBACK, null));
    assertThat(r.leads().withdrawn()).isEqualTo(steps(b, in, LeadEvent.WITHDRAW, null));
    assertThat(r.leads().closed()).isEqualTo(steps(b, in, LeadEvent.CLOSE, null));
    assertThat(r.leads().closedCaseOpened())
        .isEqualTo(steps(b, in, LeadEvent.CLOSE, Outcome.CASE_OPENED));
    assertThat(r.leads().closedUnfounded())
        .isEqualTo(steps(b, in, LeadEvent.CLOSE, Outcome.UNFOUNDED));
    assertThat(r.leads().closedMerged()).isEqualTo(steps(b, in, LeadEvent.CLOSE, Outcome.MERGED));
    assertThat(r.leads().closedTransferredToPolice())
        .isEqualTo(steps(b, in, LeadEvent.CLOSE, Outcome.TRANSFERRED_TO_POLICE));
  }

  @Test
  void jointActionsNetworksAndFeedbackEqualABruteForceRecount() {
    ZoneId sh = ZoneId.of("Asia/Shanghai");
    ReportEngine.Rules rules = new ReportEngine.Rules(3_000_000L, 15);
    long seen = 0;
    for (BureauId b : RecordGenerator.BUREAUS) {
      for (Period p : PERIODS) {
        Predicate<Instant> in =
            t -> {
              if (t == null) {
                return false;
              }
              LocalDate d = t.atZone(sh).toLocalDate();
              return !d.isBefore(p.from()) && !d.isAfter(p.to());
            };
        Briefing r = ReportEngine.briefing(b, p, ALL, rules, PriceFacts.NONE, "");
        assertThat(r.majorThresholdFen()).isEqualTo(3_000_000L);
        // the agreed major value, not 5万元
        assertThat(r.cases().majorCases())
            .hasSize(
                (int)
                    CASES.stream()
                        .filter(
                            c ->
                                c.bureau().equals(b)
                                    && p.contains(c.filedOn())
                                    && c.valueFen() >= 3_000_000L)
                        .count());
        // joint actions: completed in the period with b taking part, b's own results
        for (PlanKind k : PlanKind.values()) {
          List<ActionFact> done =
              ACTIONS.stream()
                  .filter(
                      a ->
                          a.kind() == k && a.participants().contains(b) && in.test(a.completedAt()))
                  .toList();
          ActionFigures.ActionRow row =
              r.actions().byKind().stream().filter(x -> x.kind() == k).findFirst().orElseThrow();
          assertThat(row.actions()).isEqualTo(done.size());
          assertThat(row.led()).isEqualTo(done.stream().filter(a -> a.lead().equals(b)).count());
          assertThat(row.officerTimes())
              .isEqualTo(done.stream().mapToLong(a -> own(a, b).officerTimes()).sum());
          assertThat(row.vehicleTimes())
              .isEqualTo(done.stream().mapToLong(a -> own(a, b).vehicleTimes()).sum());
          assertThat(row.casesOpened())
              .isEqualTo(done.stream().mapToLong(a -> own(a, b).casesOpened()).sum());
          assertThat(row.sticksSeized())
              .isEqualTo(done.stream().mapToLong(a -> own(a, b).sticksSeized()).sum());
          assertThat(row.valueFen())
              .isEqualTo(done.stream().mapToLong(a -> own(a, b).valueFen()).sum());
          seen += row.actions();
        }
        assertThat(r.actions().total().actions())
            .isEqualTo(
                ACTIONS.stream()
                    .filter(a -> a.participants().contains(b) && in.test(a.completedAt()))
                    .count());
        // merges: proposals first decided in the period, b's decisions, merges completed
        List<MergeFact> mine = MERGES.stream().filter(m -> m.bureaus().contains(b)).toList();
        assertThat(r.networks().proposals())
            .isEqualTo(
                mine.stream()
                    .filter(
                        m ->
                            m.decisions().stream()
                                .map(MergeFact.Decision::at)
                                .min(Instant::compareTo)
                                .filter(in)
                                .isPresent())
                    .count());
        assertThat(r.networks().accepted())
            .isEqualTo(
                mine.stream()
                    .flatMap(m -> m.decisions().stream())
                    .filter(d -> d.bureau().equals(b) && d.accept() && in.test(d.at()))
                    .count());
        assertThat(r.networks().declined())
            .isEqualTo(
                mine.stream()
                    .flatMap(m -> m.decisions().stream())
                    .filter(d -> d.bureau().equals(b) && !d.accept() && in.test(d.at()))
                    .count());
        List<MergeFact> merged =
            mine.stream()
                .filter(
                    m ->
                        m.decisions().size() == m.bureaus().size()
                            && m.decisions().stream().allMatch(MergeFact.Decision::accept)
                            && in.test(
                                m.decisions().stream()
                                    .map(MergeFact.Decision::at)
                                    .max(Instant::compareTo)
                                    .orElseThrow()))
                .toList();
        assertThat(r.networks().merged()).isEqualTo(merged.size());
        assertThat(r.networks().mergedAsLead())
            .isEqualTo(merged.stream().filter(m -> b.equals(m.lead())).count());
        // feedback on time: each claim by b needs b's feedback (or close) within 15 days
        long[] f = feedbackRecount(b, in, 15);
        assertThat(r.feedback().periodDays()).isEqualTo(15);
        assertThat(r.feedback().due()).isEqualTo(f[0]);
        assertThat(r.feedback().onTime()).isEqualTo(f[1]);
        assertThat(r.feedback().late()).isEqualTo(f[2]);
        assertThat(r.feedback().unanswered()).isEqualTo(f[3]);
        assertThat(f[1] + f[2] + f[3]).isEqualTo(f[0]);
        seen += f[0];
      }
    }
    assertThat(seen).isGreaterThan(1000);
    // nothing agreed: no feedback is due
    Briefing none =
        ReportEngine.briefing(
            RecordGenerator.BUREAUS.get(0),
            PERIODS.get(3),
            ALL,
            ReportEngine.Rules.DEFAULT,
            PriceFacts.NONE,
            "");
    assertThat(none.feedback()).isEqualTo(FeedbackFigures.NONE);
    assertThat(none.majorThresholdFen()).isEqualTo(5_000_000L);
  }

  /**
   * Brute force: for every lead, every claim or accepted hand-over by b opens a duty; the duty is
   * met by b's first feedback or close after it, unless the lead left b first (b released it,
   * another bureau accepted a hand-over, it was withdrawn or expired) — then it counts only if the
   * deadline had passed. Returns {due, on time, late, unanswered} for deadlines in the period.
   */
  private static long[] feedbackRecount(BureauId b, Predicate<Instant> in, int days) {
    long[] out = new long[4];
    java.time.Duration d = java.time.Duration.ofDays(days);
    for (LeadFact l : LEADS) {
      List<LeadFact.Step> st = l.steps();
      for (int i = 0; i < st.size(); i++) {
        LeadFact.Step s = st.get(i);
        boolean opens =
            s.bureau().equals(b)
                && (s.event() == LeadEvent.CLAIM || s.event() == LeadEvent.ACCEPT_HANDOVER);
        if (!opens || owedBefore(st, i, b)) {
          continue;
        }
        Instant deadline = s.at().plus(d);
        Instant answered = null;
        boolean counts = true;
        for (int j = i + 1; j < st.size(); j++) {
          LeadFact.Step t = st.get(j);
          boolean mine = t.bureau().equals(b);
          if (mine && (t.event() == LeadEvent.FEEDBACK || t.event() == LeadEvent.CLOSE)) {
            answered = t.at();
            break;
          }
          boolean gone =
              (mine && t.event() == LeadEvent.RELEASE)
                  || (!mine && t.event() == LeadEvent.ACCEPT_HANDOVER)
                  || t.event() == LeadEvent.WITHDRAW
                  || t.event() == LeadEvent.EXPIRE;
          if (gone) {
            counts = deadline.isBefore(t.at());
            break;
          }
        }
        if (!counts || !in.test(deadline)) {
          continue;
        }
        out[0]++;
        if (answered == null) {
          out[3]++;
        } else if (answered.isAfter(deadline)) {
          out[2]++;
        } else {
          out[1]++;
        }
      }
    }
    return out;
  }

  /** Whether b already owed feedback on this lead when step i came (a second claim opens none). */
  private static boolean owedBefore(List<LeadFact.Step> st, int i, BureauId b) {
    boolean owed = false;
    for (int j = 0; j < i; j++) {
      LeadFact.Step t = st.get(j);
      boolean mine = t.bureau().equals(b);
      if (mine && (t.event() == LeadEvent.CLAIM || t.event() == LeadEvent.ACCEPT_HANDOVER)) {
        owed = true;
      } else if ((mine
              && (t.event() == LeadEvent.FEEDBACK
                  || t.event() == LeadEvent.CLOSE
                  || t.event() == LeadEvent.RELEASE))
          || (!mine && t.event() == LeadEvent.ACCEPT_HANDOVER)
          || t.event() == LeadEvent.WITHDRAW
          || t.event() == LeadEvent.EXPIRE) {
        owed = false;
      }
    }
    return owed;
  }

  private static PlanResult own(ActionFact a, BureauId b) {
    return a.results().getOrDefault(b, PlanResult.ZERO);
  }

  @Test
  void theRegionalPassEqualsEachBureausBriefing() {
    ReportEngine.Rules rules = new ReportEngine.Rules(4_000_000L, 10);
    for (Period p : PERIODS) {
      List<Period> three = List.of(p, p.previous(), p.yearBefore());
      RegionalView.Totals[][] t = ReportEngine.totals(RecordGenerator.BUREAUS, three, ALL, rules);
      for (int b = 0; b < RecordGenerator.BUREAUS.size(); b++) {
        for (int k = 0; k < three.size(); k++) {
          BureauId bureau = RecordGenerator.BUREAUS.get(b);
          assertThat(t[b][k])
              .as("%s %s", bureau, three.get(k).label())
              .isEqualTo(
                  RegionalView.Totals.of(
                      ReportEngine.briefing(
                          bureau, three.get(k), ALL, rules, PriceFacts.NONE, "")));
        }
      }
    }
  }

  private static long steps(BureauId b, Predicate<Instant> in, LeadEvent e, Outcome o) {
    return LEADS.stream()
        .flatMap(l -> l.steps().stream())
        .filter(
            s ->
                s.bureau().equals(b)
                    && s.event() == e
                    && in.test(s.at())
                    && (o == null || s.outcome() == o))
        .count();
  }

  private static long count(Predicate<CaseRecord> p) {
    return CASES.stream().filter(p).count();
  }

  @Test
  void quartersAreInShanghaiTime() {
    // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai: the second quarter
    Instant lateMarch = Instant.parse("2026-03-31T16:30:00Z");
    assertThat(Period.quarterOf(lateMarch).label()).isEqualTo("2026Q2");
    assertThat(Period.quarterOf(Instant.parse("2026-03-31T15:59:59Z")).label()).isEqualTo("2026Q1");
    BureauId xinghe = RecordGenerator.BUREAUS.get(0);
    LeadFact lead =
        new LeadFact(
            "lead-edge",
            xinghe,
            lateMarch,
            List.of(),
            List.of(new LeadFact.Step(LeadEvent.CLAIM, xinghe, lateMarch, null)));
    Briefing q1 =
        ReportEngine.briefing(
            xinghe, Period.quarter(2026, 1), List.of(), List.of(lead), PriceFacts.NONE, "");
    Briefing q2 =
        ReportEngine.briefing(
            xinghe, Period.quarter(2026, 2), List.of(), List.of(lead), PriceFacts.NONE, "");
    assertThat(q1.leads().sent()).isZero();
    assertThat(q2.leads().sent()).isEqualTo(1);
    assertThat(q2.leads().claimed()).isEqualTo(1);
    assertThat(Period.quarter(2026, 2).previous().label()).isEqualTo("2026Q1");
    assertThat(Period.quarter(2026, 1).previous().label()).isEqualTo("2025Q4");
    assertThat(Period.quarter(2026, 2).yearBefore())
        .isEqualTo(new Period("2025Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)));
    assertThat(Period.parse("2026h1").to()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(Period.parse("2026-02").to()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(Period.parse("2026-02").previous().label()).isEqualTo("2026-01");
    assertThat(Period.parse("2026-04-01..2026-04-10").previous())
        .isEqualTo(Period.range(LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 31)));
  }

  @Test
  void theSameRecordsInAnotherOrderGiveAnEqualBriefing() {
    BureauId b = RecordGenerator.BUREAUS.get(2);
    Period p = Period.quarter(2025, 3);
    List<CaseRecord> reversed = new java.util.ArrayList<>(CASES);
    java.util.Collections.reverse(reversed);
    List<LeadFact> leads = new java.util.ArrayList<>(LEADS);
    java.util.Collections.shuffle(leads, new java.util.Random(5));
    assertThat(ReportEngine.briefing(b, p, reversed, leads, PriceFacts.NONE, " 市场平稳 "))
        .isEqualTo(ReportEngine.briefing(b, p, CASES, LEADS, PriceFacts.NONE, "市场平稳"));
  }

  @Test
  void aDutyNotYetDueIsNeitherDueNorUnanswered() {
    // review-3 F15: counted on 20 May, a claim 5 days before under a 15-day period is not due yet
    BureauId b = RecordGenerator.BUREAUS.get(0);
    BureauId other = RecordGenerator.BUREAUS.get(1);
    Instant asOf = Instant.parse("2026-05-20T04:00:00Z");
    java.time.Duration day = java.time.Duration.ofDays(1);
    LeadFact open = claimed("lead-open", other, b, asOf.minus(day.multipliedBy(5)), null);
    // answered two days after the count: not yet answered, and not yet due then
    LeadFact answeredLater =
        claimed(
            "lead-later",
            other,
            b,
            asOf.minus(day.multipliedBy(3)),
            asOf.plus(day.multipliedBy(2)));
    // claimed 20 days before, deadline 15 May passed without an answer: overdue
    LeadFact overdue = claimed("lead-overdue", other, b, asOf.minus(day.multipliedBy(20)), null);
    // answered on time before the count
    LeadFact answered =
        claimed("lead-answered", other, b, asOf.minus(day.multipliedBy(12)), asOf.minus(day));
    ReportEngine.Sources in =
        new ReportEngine.Sources(
            List.of(), List.of(open, answeredLater, overdue, answered), List.of(), List.of());
    Period q2 = Period.quarter(2026, 2);
    ReportEngine.Rules rules = new ReportEngine.Rules(5_000_000L, 15).asOf(asOf);
    Briefing r = ReportEngine.briefing(b, q2, in, rules, PriceFacts.NONE, "");
    assertThat(r.feedback()).isEqualTo(new FeedbackFigures(15, 2, 1, 0, 1));
    RegionalView.Totals t = ReportEngine.totals(List.of(b), List.of(q2), in, rules)[0][0];
    assertThat(t).isEqualTo(RegionalView.Totals.of(r));
    // counted over every record held (the end of the quarter has passed): all four are due
    Briefing all =
        ReportEngine.briefing(
            b, q2, in, new ReportEngine.Rules(5_000_000L, 15), PriceFacts.NONE, "");
    assertThat(all.feedback()).isEqualTo(new FeedbackFigures(15, 4, 2, 0, 2));
  }

  private static LeadFact claimed(
      String id, BureauId origin, BureauId b, Instant claim, Instant feedback) {
    List<LeadFact.Step> steps =
        feedback == null
            ? List.of(new LeadFact.Step(LeadEvent.CLAIM, b, claim, null))
            : List.of(
                new LeadFact.Step(LeadEvent.CLAIM, b, claim, null),
                new LeadFact.Step(LeadEvent.FEEDBACK, b, feedback, null));
    return new LeadFact(id, origin, claim.minusSeconds(3600), List.of(b), steps);
  }
}
