package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.Period;
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

  @Test
  void everyCaseFigureEqualsABruteForceRecount() {
    int checkedRows = 0;
    for (BureauId b : RecordGenerator.BUREAUS) {
      for (Period p :
          List.of(
              Period.quarter(2025, 1),
              Period.quarter(2025, 4),
              Period.quarter(2026, 2),
              Period.half(2025, 2),
              Period.month(2026, 3),
              Period.range(LocalDate.of(2025, 2, 14), LocalDate.of(2026, 1, 3)))) {
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
}
