package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanResult;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.cases.Disposition;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regional view's headline figures of every bureau for every period in one pass over each kind
 * of record ({@link ReportEngine#totals}).
 */
final class RegionalTotals {
  private RegionalTotals() {}

  /**
   * The headline figures ({@link RegionalView.Totals}, prices left zero: the caller adds them) of
   * every bureau for every period, in one pass over each kind of record: {@code [bureau][period]}.
   * Equal to {@code Totals.of(briefing(...))} for each pair (ReportEngineTest).
   */

  /** As above, each period with its own rules ({@code rules.get(p)} for {@code periods.get(p)}). */
  static RegionalView.Totals[][] of(
      List<BureauId> bureaus,
      List<Period> periods,
      ReportEngine.Sources in,
      List<ReportEngine.Rules> rules) {
    Map<BureauId, Integer> index = new HashMap<>();
    for (int i = 0; i < bureaus.size(); i++) {
      index.put(bureaus.get(i), i);
    }
    int np = periods.size();
    Window[] w = Window.of(periods);
    // figures in Totals order, prices (9, 10) left zero
    long[][][] f = new long[bureaus.size()][np][17];
    for (CountedCase c : in.cases()) {
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
    Map<ReportEngine.Rules, FeedbackDuties> walkers = new LinkedHashMap<>();
    Map<ReportEngine.Rules, FeedbackDuties.Sink> sinks = new HashMap<>();
    for (int p0 = 0; p0 < np; p0++) {
      ReportEngine.Rules r = rules.get(p0);
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
      for (Map.Entry<ReportEngine.Rules, FeedbackDuties> d : walkers.entrySet()) {
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
}
