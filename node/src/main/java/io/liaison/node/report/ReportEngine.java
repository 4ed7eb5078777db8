package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.price.PriceGap;
import io.liaison.api.report.ActionFigures;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.FeedbackFigures;
import io.liaison.api.report.GapRow;
import io.liaison.api.report.LeadFigures;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.NetworkFigures;
import io.liaison.api.report.Period;
import io.liaison.api.report.PriceSummary;
import io.liaison.api.report.RegionalView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      Iterable<CaseRecord> cases,
      Iterable<LeadFact> leads,
      Iterable<ActionFact> actions,
      Iterable<MergeFact> merges) {
    public static Sources of(Iterable<CaseRecord> cases, Iterable<LeadFact> leads) {
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
      Iterable<CaseRecord> cases,
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
    LeadCounts leads = leads(bureau, w, in.leads(), rules);
    return new Briefing(
        Briefing.SCHEMA,
        bureau,
        kind(period),
        period,
        leads.leads(),
        cases(bureau, w, in.cases(), rules.majorFen()),
        prices(bureau, prices),
        marketNotes == null ? "" : marketNotes.strip(),
        rules.majorFen(),
        actions(bureau, w, in.actions()),
        networks(bureau, w, in.merges()),
        leads.feedback());
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

  static CaseFigures cases(
      BureauId bureau, Window period, Iterable<CaseRecord> all, long majorFen) {
    CaseCategory[] kinds = CaseCategory.values();
    long[] count = new long[kinds.length];
    long[] sticks = new long[kinds.length];
    long[] value = new long[kinds.length];
    List<MajorCase> major = new ArrayList<>();
    long police = 0;
    long market = 0;
    long thresholdDisposed = 0;
    long thresholdTransferred = 0;
    long pending = 0;
    long detained = 0;
    long sentenced = 0;
    long fine = 0;
    long treasury = 0;
    for (CaseRecord c : all) {
      if (!c.bureau().equals(bureau) || !period.contains(c.filedOn())) {
        continue;
      }
      int k = c.category().ordinal();
      long s = c.totalSticks();
      count[k]++;
      sticks[k] += s;
      value[k] += c.valueFen();
      Disposition d = c.disposition();
      if (d == Disposition.TRANSFERRED_TO_POLICE) {
        police++;
      } else if (d == Disposition.TRANSFERRED_TO_MARKET_REGULATION) {
        market++;
      } else if (d == Disposition.PENDING) {
        pending++;
      }
      if (c.valueFen() >= majorFen) {
        major.add(
            new MajorCase(c.caseNumber().value(), c.category(), c.filedOn(), c.valueFen(), s, d));
        if (d != Disposition.PENDING) {
          thresholdDisposed++;
          if (d == Disposition.TRANSFERRED_TO_POLICE) {
            thresholdTransferred++;
          }
        }
      }
      detained += c.detainedPersons();
      sentenced += c.sentencedPersons();
      fine += c.fineFen();
      treasury += c.treasuryFen();
    }
    List<CategoryRow> rows = new ArrayList<>(kinds.length);
    long tc = 0;
    long ts = 0;
    long tv = 0;
    for (int k = 0; k < kinds.length; k++) {
      rows.add(new CategoryRow(kinds[k], count[k], sticks[k], value[k]));
      tc += count[k];
      ts += sticks[k];
      tv += value[k];
    }
    major.sort(
        Comparator.comparingLong(MajorCase::valueFen)
            .reversed()
            .thenComparing(MajorCase::caseNumber));
    return new CaseFigures(
        rows,
        new CategoryRow(null, tc, ts, tv),
        major,
        police,
        market,
        thresholdDisposed,
        thresholdTransferred,
        pending,
        detained,
        sentenced,
        fine,
        treasury);
  }

  /** The lead figures and the feedback on time of one bureau, counted in one pass. */
  record LeadCounts(LeadFigures leads, FeedbackFigures feedback) {}

  /**
   * One pass over the leads: the posts and signed steps of {@code bureau} in the period, and its
   * feedback duties due in the period (walked only on leads with a step of the bureau: a duty opens
   * with its own claim or accepted hand-over).
   */
  static LeadCounts leads(BureauId bureau, Window period, Iterable<LeadFact> all, Rules rules) {
    int days = rules.feedbackDays();
    long sent = 0;
    long received = 0;
    long claimed = 0;
    long offered = 0;
    long accepted = 0;
    long feedback = 0;
    long closed = 0;
    long opened = 0;
    long unfounded = 0;
    long merged = 0;
    long transferred = 0;
    long withdrawn = 0;
    // due, on time, late, unanswered
    long[] fb = new long[4];
    FeedbackDuties duties =
        days > 0 ? new FeedbackDuties(Map.of(bureau, 0), 1, days, rules.asOf()) : null;
    FeedbackDuties.Sink sink =
        (b, deadline, answeredAt) -> {
          if (!period.contains(deadline)) {
            return;
          }
          fb[0]++;
          if (answeredAt == null) {
            fb[3]++;
          } else if (answeredAt.isAfter(deadline)) {
            fb[2]++;
          } else {
            fb[1]++;
          }
        };
    for (LeadFact l : all) {
      if (period.contains(l.postedAt())) {
        if (l.origin().equals(bureau)) {
          sent++;
        } else if (l.addressedTo(bureau)) {
          received++;
        }
      }
      boolean involved = false;
      for (LeadFact.Step s : l.steps()) {
        if (!s.bureau().equals(bureau)) {
          continue;
        }
        involved = true;
        if (!period.contains(s.at())) {
          continue;
        }
        switch (s.event()) {
          case CLAIM -> claimed++;
          case OFFER_HANDOVER -> offered++;
          case ACCEPT_HANDOVER -> accepted++;
          case FEEDBACK -> feedback++;
          case WITHDRAW -> withdrawn++;
          case CLOSE -> {
            closed++;
            if (s.outcome() != null) {
              switch (s.outcome()) {
                case CASE_OPENED -> opened++;
                case UNFOUNDED -> unfounded++;
                case MERGED -> merged++;
                case TRANSFERRED_TO_POLICE -> transferred++;
              }
            }
          }
          default -> {}
        }
      }
      if (involved && duties != null) {
        duties.walk(l, sink);
      }
    }
    return new LeadCounts(
        new LeadFigures(
            sent,
            received,
            claimed,
            offered,
            accepted,
            feedback,
            closed,
            opened,
            unfounded,
            merged,
            transferred,
            withdrawn),
        days <= 0 ? FeedbackFigures.NONE : new FeedbackFigures(days, fb[0], fb[1], fb[2], fb[3]));
  }

  static ActionFigures actions(BureauId bureau, Window period, Iterable<ActionFact> all) {
    PlanKind[] kinds = PlanKind.values();
    long[][] f = new long[kinds.length][9];
    for (ActionFact a : all) {
      if (a.completedAt() == null
          || !a.participants().contains(bureau)
          || !period.contains(a.completedAt())) {
        continue;
      }
      long[] row = f[a.kind().ordinal()];
      row[0]++;
      if (a.lead().equals(bureau)) {
        row[1]++;
      }
      PlanResult r = a.results().getOrDefault(bureau, PlanResult.ZERO);
      row[2] += r.officerTimes();
      row[3] += r.vehicleTimes();
      row[4] += r.premisesChecked();
      row[5] += r.casesOpened();
      row[6] += r.sticksSeized();
      row[7] += r.valueFen();
      row[8] += r.personsDetained();
    }
    List<ActionFigures.ActionRow> rows = new ArrayList<>(kinds.length);
    long[] t = new long[9];
    for (int k = 0; k < kinds.length; k++) {
      rows.add(actionRow(kinds[k], f[k]));
      for (int i = 0; i < t.length; i++) {
        t[i] += f[k][i];
      }
    }
    return new ActionFigures(rows, actionRow(null, t));
  }

  private static ActionFigures.ActionRow actionRow(PlanKind kind, long[] v) {
    return new ActionFigures.ActionRow(kind, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  static NetworkFigures networks(BureauId bureau, Window period, Iterable<MergeFact> all) {
    long proposals = 0;
    long accepted = 0;
    long declined = 0;
    long merged = 0;
    long led = 0;
    for (MergeFact m : all) {
      if (!m.bureaus().contains(bureau)) {
        continue;
      }
      Instant first = m.firstAt();
      if (first != null && period.contains(first)) {
        proposals++;
      }
      for (MergeFact.Decision d : m.decisions()) {
        if (d.bureau().equals(bureau) && period.contains(d.at())) {
          if (d.accept()) {
            accepted++;
          } else {
            declined++;
          }
        }
      }
      Instant done = m.mergedAt();
      if (done != null && period.contains(done)) {
        merged++;
        if (bureau.equals(m.lead())) {
          led++;
        }
      }
    }
    return new NetworkFigures(proposals, accepted, declined, merged, led);
  }

  /**
   * The headline figures ({@link RegionalView.Totals}, prices left zero: the caller adds them) of
   * every bureau for every period, in one pass over each kind of record: {@code [bureau][period]}.
   * Equal to {@code Totals.of(briefing(...))} for each pair (ReportEngineTest).
   */
  public static RegionalView.Totals[][] totals(
      List<BureauId> bureaus, List<Period> periods, Sources in, Rules rules) {
    return totals(bureaus, periods, in, java.util.Collections.nCopies(periods.size(), rules));
  }

  /** As above, each period with its own rules ({@code rules.get(p)} for {@code periods.get(p)}). */
  public static RegionalView.Totals[][] totals(
      List<BureauId> bureaus, List<Period> periods, Sources in, List<Rules> rules) {
    Map<BureauId, Integer> index = new HashMap<>();
    for (int i = 0; i < bureaus.size(); i++) {
      index.put(bureaus.get(i), i);
    }
    int np = periods.size();
    Window[] w = Window.of(periods);
    // figures in Totals order, prices (9, 10) left zero
    long[][][] f = new long[bureaus.size()][np][17];
    for (CaseRecord c : in.cases()) {
      Integer b = index.get(c.bureau());
      if (b == null) {
        continue;
      }
      for (int p = 0; p < np; p++) {
        if (!w[p].contains(c.filedOn())) {
          continue;
        }
        long[] t = f[b][p];
        t[0]++;
        t[1] += c.totalSticks();
        t[2] += c.valueFen();
        if (c.valueFen() >= rules.get(p).majorFen()) {
          t[3]++;
        }
        if (c.disposition() == Disposition.TRANSFERRED_TO_POLICE) {
          t[4]++;
        }
        t[5] += c.detainedPersons();
        t[6] += c.treasuryFen();
      }
    }
    // one walk per distinct rule (feedback period, as-of), telling the periods that use it
    Map<Rules, FeedbackDuties> walkers = new java.util.LinkedHashMap<>();
    Map<Rules, FeedbackDuties.Sink> sinks = new HashMap<>();
    for (int p0 = 0; p0 < np; p0++) {
      Rules r = rules.get(p0);
      if (r.feedbackDays() <= 0 || walkers.containsKey(r)) {
        continue;
      }
      boolean[] uses = new boolean[np];
      for (int p = 0; p < np; p++) {
        uses[p] = rules.get(p).equals(r);
      }
      walkers.put(r, new FeedbackDuties(index, bureaus.size(), r.feedbackDays(), r.asOf()));
      sinks.put(
          r,
          (b, deadline, answeredAt) -> {
            for (int p = 0; p < np; p++) {
              if (uses[p] && w[p].contains(deadline)) {
                f[b][p][15]++;
                if (answeredAt != null && !answeredAt.isAfter(deadline)) {
                  f[b][p][16]++;
                }
              }
            }
          });
    }
    for (LeadFact l : in.leads()) {
      Integer origin = index.get(l.origin());
      for (int p = 0; p < np; p++) {
        if (!w[p].contains(l.postedAt())) {
          continue;
        }
        if (origin != null) {
          f[origin][p][7]++;
        }
        if (l.targets().isEmpty()) {
          for (int b = 0; b < bureaus.size(); b++) {
            if (!bureaus.get(b).equals(l.origin())) {
              f[b][p][8]++;
            }
          }
        } else {
          for (BureauId target : l.targets()) {
            Integer b = index.get(target);
            if (b != null && !target.equals(l.origin())) {
              f[b][p][8]++;
            }
          }
        }
      }
      for (Map.Entry<Rules, FeedbackDuties> d : walkers.entrySet()) {
        d.getValue().walk(l, sinks.get(d.getKey()));
      }
    }
    for (ActionFact a : in.actions()) {
      if (a.completedAt() == null) {
        continue;
      }
      for (BureauId participant : a.participants()) {
        Integer b = index.get(participant);
        if (b == null) {
          continue;
        }
        PlanResult r = a.results().getOrDefault(participant, PlanResult.ZERO);
        for (int p = 0; p < np; p++) {
          if (w[p].contains(a.completedAt())) {
            f[b][p][11]++;
            f[b][p][12] += r.officerTimes();
            f[b][p][13] += r.vehicleTimes();
          }
        }
      }
    }
    for (MergeFact m : in.merges()) {
      Instant merged = m.mergedAt();
      if (merged == null) {
        continue;
      }
      for (BureauId involved : m.bureaus()) {
        Integer b = index.get(involved);
        for (int p = 0; b != null && p < np; p++) {
          if (w[p].contains(merged)) {
            f[b][p][14]++;
          }
        }
      }
    }
    RegionalView.Totals[][] out = new RegionalView.Totals[bureaus.size()][np];
    for (int b = 0; b < bureaus.size(); b++) {
      for (int p = 0; p < np; p++) {
        long[] t = f[b][p];
        out[b][p] =
            new RegionalView.Totals(
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                t[13], t[14], t[15], t[16]);
      }
    }
    return out;
  }

  static PriceSummary prices(BureauId bureau, PriceFacts facts) {
    List<GapRow> gaps = new ArrayList<>();
    for (PriceGap g : facts.gaps()) {
      if (g.a().equals(bureau) || g.b().equals(bureau)) {
        gaps.add(
            new GapRow(
                g.brand(),
                g.spec(),
                g.a(),
                g.b(),
                fen(g.agreedGap()),
                fen(g.observedGap()),
                g.flagged()));
      }
    }
    gaps.sort(
        Comparator.comparingLong(ReportEngine::width)
            .reversed()
            .thenComparing(GapRow::brand)
            .thenComparing(g -> g.spec() == null ? "" : g.spec())
            .thenComparing(g -> g.a().code())
            .thenComparing(g -> g.b().code()));
    return new PriceSummary(
        facts.judged(),
        facts.compliant(),
        gaps.subList(0, Math.min(PriceSummary.MAX_GAPS, gaps.size())));
  }

  private static long width(GapRow g) {
    long o = g.observedGapFen() == null ? 0 : Math.abs(g.observedGapFen());
    long a = g.agreedGapFen() == null ? 0 : Math.abs(g.agreedGapFen());
    return Math.max(o, a);
  }

  private static Long fen(BigDecimal yuan) {
    return yuan == null
        ? null
        : yuan.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
