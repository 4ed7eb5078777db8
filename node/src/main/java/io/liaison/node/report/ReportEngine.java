package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.price.PriceGap;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.GapRow;
import io.liaison.api.report.LeadFigures;
import io.liaison.api.report.MajorCase;
import io.liaison.api.report.Period;
import io.liaison.api.report.PriceSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
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
  /** 大要案: case value at least 5万元 (in fen); also the criminal threshold for the transfer rate. */
  public static final long MAJOR_FEN = 5_000_000L;

  private ReportEngine() {}

  public static Briefing briefing(
      BureauId bureau,
      Period period,
      Iterable<CaseRecord> cases,
      Iterable<LeadFact> leads,
      PriceFacts prices,
      String marketNotes) {
    return new Briefing(
        Briefing.SCHEMA,
        bureau,
        kind(period),
        period,
        leads(bureau, period, leads),
        cases(bureau, period, cases),
        prices(bureau, prices),
        marketNotes == null ? "" : marketNotes.strip());
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

  static CaseFigures cases(BureauId bureau, Period period, Iterable<CaseRecord> all) {
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
      if (c.valueFen() >= MAJOR_FEN) {
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

  static LeadFigures leads(BureauId bureau, Period period, Iterable<LeadFact> all) {
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
    for (LeadFact l : all) {
      if (period.contains(l.postedAt())) {
        if (l.origin().equals(bureau)) {
          sent++;
        } else if (l.addressedTo(bureau)) {
          received++;
        }
      }
      for (LeadFact.Step s : l.steps()) {
        if (!s.bureau().equals(bureau) || !period.contains(s.at())) {
          continue;
        }
        LeadEvent e = s.event();
        switch (e) {
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
    }
    return new LeadFigures(
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
        withdrawn);
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
