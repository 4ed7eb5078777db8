package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.api.reward.Settlement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The report as a pure function of the shared records: the same records, bureau, period and text
 * give an equal {@link Briefing} (and so the same canonical bytes) on any node. One pass over the
 * cases and one over the leads; no clock, no node state.
 *
 * <p>Counting rules (docs/reports.md): a case counts in the period of its filing day (立案, {@code
 * filedOn}, a Shanghai day) with its newest version; a lead's post and each of its steps count on
 * their own Shanghai day, for the bureau that signed them.
 */
public final class ReportEngine {
  /**
   * 大要案 when nothing else is agreed: case value at least 5万元 (in fen); also the criminal threshold
   * for the transfer rate.
   */
  public static final long MAJOR_FEN = 5_000_000L;

  private ReportEngine() {}

  /** The records a briefing is counted from (any order). */
  public record Sources(
      Iterable<? extends CountedCase> cases,
      Iterable<LeadFact> leads,
      Iterable<ActionFact> actions,
      Iterable<MergeFact> merges,
      Iterable<Settlement> settlements) {
    public Sources(
        Iterable<? extends CountedCase> cases,
        Iterable<LeadFact> leads,
        Iterable<ActionFact> actions,
        Iterable<MergeFact> merges) {
      this(cases, leads, actions, merges, List.of());
    }

    public static Sources of(Iterable<? extends CountedCase> cases, Iterable<LeadFact> leads) {
      return new Sources(cases, leads, List.of(), List.of());
    }
  }

  /**
   * The agreed rules the figures use (协作约定 in force during the period): the major-case value in fen
   * and the feedback period in days (0: none agreed, nothing is due); and the instant the feedback
   * is counted as of ({@code asOf}, null: every record held): a duty whose deadline is after it and
   * that has no answer by then is not yet due (review-3 F15).
   */
  public record Rules(long majorFen, int feedbackDays, Instant asOf) {
    public static final Rules DEFAULT = new Rules(MAJOR_FEN, 0, null);

    /** The rules counted over every record held (no as-of instant). */
    public Rules(long majorFen, int feedbackDays) {
      this(majorFen, feedbackDays, null);
    }

    /** The same rules counted as of {@code at}. */
    public Rules asOf(Instant at) {
      return new Rules(majorFen, feedbackDays, at);
    }
  }

  public static Briefing briefing(
      BureauId bureau,
      Period period,
      Iterable<? extends CountedCase> cases,
      Iterable<LeadFact> leads,
      PriceFacts prices,
      String marketNotes) {
    return briefing(bureau, period, Sources.of(cases, leads), Rules.DEFAULT, prices, marketNotes);
  }

  public static Briefing briefing(
      BureauId bureau,
      Period period,
      Sources in,
      Rules rules,
      PriceFacts prices,
      String marketNotes) {
    Window w = Window.of(period);
    // The sections, one class each: a new section is its class and one line here (its field in
    // Briefing, its table in ReportTables).
    LeadSection.LeadCounts leads = LeadSection.count(bureau, w, in.leads(), rules);
    return new Briefing(
        Briefing.SCHEMA,
        bureau,
        kind(period),
        period,
        leads.leads(),
        CaseSection.count(bureau, w, in.cases(), rules.majorFen()),
        PriceSection.of(bureau, prices),
        marketNotes == null ? "" : marketNotes.strip(),
        rules.majorFen(),
        ActionSection.count(bureau, w, in.actions()),
        NetworkSection.count(bureau, w, in.merges()),
        leads.feedback(),
        RewardSection.of(bureau, period, in.cases(), in.leads(), in.settlements()));
  }

  /** QUARTER, HALF, MONTH or RANGE, from the label. */
  public static String kind(Period p) {
    String l = p.label();
    if (l.matches("\\d{4}Q[1-4]")) {
      return "QUARTER";
    }
    if (l.matches("\\d{4}H[12]")) {
      return "HALF";
    }
    if (l.matches("\\d{4}-\\d{2}")) {
      return "MONTH";
    }
    return "RANGE";
  }

  /**
   * The headline figures ({@link RegionalView.Totals}, prices left zero: the caller adds them) of
   * every bureau for every period, in one pass over each kind of record: {@code [bureau][period]}.
   * Equal to {@code Totals.of(briefing(...))} for each pair (ReportEngineTest).
   */
  public static RegionalView.Totals[][] totals(
      List<BureauId> bureaus, List<Period> periods, Sources in, Rules rules) {
    return totals(bureaus, periods, in, Collections.nCopies(periods.size(), rules));
  }

  /** As above, each period with its own rules ({@code rules.get(p)} for {@code periods.get(p)}). */
  public static RegionalView.Totals[][] totals(
      List<BureauId> bureaus, List<Period> periods, Sources in, List<Rules> rules) {
    return RegionalTotals.of(bureaus, periods, in, rules);
  }
}
