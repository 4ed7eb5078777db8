package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.cases.Disposition;
import io.liaison.api.report.CaseFigures;
import io.liaison.api.report.CategoryRow;
import io.liaison.api.report.MajorCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cases section of a briefing (docs/reports.md "Cases"): one pass over the cases, by kind,
 * major cases, transfers, the transfer rate, detentions, sentences, fines and the treasury.
 */
final class CaseSection {
  private CaseSection() {}

  static CaseFigures count(
      BureauId bureau, Window period, Iterable<? extends CountedCase> all, long majorFen) {
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
    for (CountedCase c : all) {
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
}
