import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Location;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.node.price.PriceBook;
import io.liaison.node.report.ActionFact;
import io.liaison.node.report.LeadFact;
import io.liaison.node.report.MergeFact;
import io.liaison.node.report.PriceFacts;
import io.liaison.node.report.ReportEngine;
import io.liaison.node.report.ReportService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A quarter's report over N cases, N leads and N price observations (issue 30, docs/benchmarks.md
 * "Quarterly report"): the engine's briefing of one bureau (cases by kind, major cases, transfers,
 * leads, feedback on time, joint actions, merges) with its price figures (compliance and border gaps
 * from the price book holding the N observations as signed findings, as a node keeps them), its
 * canonical JSON (what is signed), and the regional view (six bureaus × three periods) in one pass
 * over the records, as the node computes it. Same-run baselines: one pass summing N longs; and, once,
 * the regional view as it was computed before (18 briefings, one per bureau and period).
 * Usage: java -cp … ReportBench [N] [rounds]
 */
public class ReportBench {
  static final List<BureauId> BUREAUS =
      List.of("150924", "150981", "140222", "140221", "130728", "130725").stream()
          .map(BureauId::of)
          .toList();

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long t0 = System.nanoTime();
    List<CaseRecord> cases = cases(n);
    List<LeadFact> leads = leads(n);
    List<ActionFact> actions = actions(10_000);
    List<MergeFact> merges = merges(10_000);
    System.out.printf(
        Locale.ROOT,
        "# %,d cases, %,d leads, %,d joint actions, %,d merge proposals generated in %.1f s%n",
        n,
        n,
        actions.size(),
        merges.size(),
        (System.nanoTime() - t0) / 1e9);
    PriceBench prices = new PriceBench();
    prices.load(n);
    PriceBook book = prices.book;
    ReportEngine.Sources in = new ReportEngine.Sources(cases, leads, actions, merges);
    ReportEngine.Rules rules = new ReportEngine.Rules(5_000_000L, 15);
    long[] longs = new SplittableRandom(1).longs(n).toArray();
    Period q = Period.quarter(2026, 2);
    List<Period> three = List.of(q, q.previous(), q.yearBefore());
    double[] base = new double[rounds];
    double[] one = new double[rounds];
    double[] price = new double[rounds];
    double[] canon = new double[rounds];
    double[] regional = new double[rounds];
    double[] report = new double[rounds];
    // CPU time of this thread: what the work costs, whatever else the machine runs
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] reportCpu = new double[rounds];
    double[] regionalCpu = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long s = System.nanoTime();
      long sum = 0;
      for (long x : longs) {
        sum += x;
      }
      sink += sum;
      base[r] = (System.nanoTime() - s) / 1e6;
      long cpu = mx.getCurrentThreadCpuTime();
      s = System.nanoTime();
      PriceFacts pf = PriceFacts.of(book, BUREAUS.get(0), q);
      price[r] = (System.nanoTime() - s) / 1e6;
      Briefing b = ReportEngine.briefing(BUREAUS.get(0), q, in, rules, pf, "市场平稳");
      one[r] = (System.nanoTime() - s) / 1e6;
      s = System.nanoTime();
      sink += ReportService.canonical(b).length;
      canon[r] = (System.nanoTime() - s) / 1e6;
      reportCpu[r] = (mx.getCurrentThreadCpuTime() - cpu) / 1e6;
      cpu = mx.getCurrentThreadCpuTime();
      s = System.nanoTime();
      RegionalView.Totals[][] t = ReportEngine.totals(BUREAUS, three, in, rules);
      for (int k = 0; k < BUREAUS.size(); k++) {
        for (int p = 0; p < three.size(); p++) {
          long[] c = PriceFacts.compliance(book, BUREAUS.get(k), three.get(p));
          t[k][p] = t[k][p].withPrices(c[0], c[1]);
          sink += t[k][p].cases();
        }
      }
      regional[r] = (System.nanoTime() - s) / 1e6;
      regionalCpu[r] = (mx.getCurrentThreadCpuTime() - cpu) / 1e6;
      report[r] = one[r] + canon[r];
      System.out.printf(
          Locale.ROOT,
          "round %d: baseline %.1f ms, report %.1f ms (CPU %.1f ms) = briefing with prices %.1f ms (prices %.1f ms; %d cases, %d observations judged, %d gaps) + canonical %.2f ms, regional view %.0f ms (CPU %.0f ms)%n",
          r + 1,
          base[r],
          report[r],
          reportCpu[r],
          one[r],
          price[r],
          b.cases().total().cases(),
          b.prices().judged(),
          b.prices().widestGaps().size(),
          canon[r],
          regional[r],
          regionalCpu[r]);
    }
    // the regional view as computed before: a briefing per bureau and period (once)
    long s = System.nanoTime();
    for (BureauId bureau : BUREAUS) {
      for (Period p : three) {
        sink +=
            ReportEngine.briefing(bureau, p, in, rules, PriceFacts.of(book, bureau, p), "")
                .cases()
                .total()
                .cases();
      }
    }
    double before = (System.nanoTime() - s) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "# median of rounds 2..%d: baseline %.1f ms, report (briefing with prices + canonical JSON) %.1f ms (%.0f× baseline; CPU %.1f ms), briefing with prices %.1f ms (%.0f× baseline; prices %.1f ms), canonical %.2f ms, regional view %.0f ms (%.0f× baseline; CPU %.0f ms; 18 briefings as before, once: %.0f ms, %.1f× the one pass) (sink %d)%n",
        rounds,
        median(base),
        median(report),
        median(report) / median(base),
        median(reportCpu),
        median(one),
        median(one) / median(base),
        median(price),
        median(canon),
        median(regional),
        median(regional) / median(base),
        median(regionalCpu),
        before,
        before / median(regional),
        sink & 1);
  }

  static List<ActionFact> actions(int n) {
    SplittableRandom r = new SplittableRandom(32);
    Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    PlanKind[] kinds = PlanKind.values();
    List<ActionFact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BureauId lead = BUREAUS.get(r.nextInt(BUREAUS.size()));
      BureauId other = BUREAUS.get((BUREAUS.indexOf(lead) + 1) % BUREAUS.size());
      PlanResult res = new PlanResult(r.nextInt(60), r.nextInt(15), r.nextInt(40), r.nextInt(4), 200L * r.nextInt(2000), r.nextLong(5_000_000L), r.nextInt(3), 0, 0);
      out.add(new ActionFact("act-" + i, kinds[r.nextInt(kinds.length)], lead, List.of(lead, other), start.plusSeconds(r.nextLong(730 * 86_400L)), Map.of(lead, res, other, res)));
    }
    return out;
  }

  static List<MergeFact> merges(int n) {
    SplittableRandom r = new SplittableRandom(33);
    Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<MergeFact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BureauId a = BUREAUS.get(r.nextInt(BUREAUS.size()));
      BureauId b = BUREAUS.get((BUREAUS.indexOf(a) + 1) % BUREAUS.size());
      Instant at = start.plusSeconds(r.nextLong(730 * 86_400L));
      out.add(new MergeFact("p-" + i, List.of(a, b), List.of(new MergeFact.Decision(a, true, at), new MergeFact.Decision(b, r.nextInt(4) != 0, at.plusSeconds(86_400))), a));
    }
    return out;
  }

  static double median(double[] xs) {
    double[] w = Arrays.copyOfRange(xs, 1, xs.length);
    Arrays.sort(w);
    return w[w.length / 2];
  }

  static List<CaseRecord> cases(int n) {
    SplittableRandom r = new SplittableRandom(30);
    CaseCategory[] kinds = CaseCategory.values();
    Disposition[] ds = Disposition.values();
    LocalDate start = LocalDate.of(2025, 1, 1);
    List<CaseRecord> out = new ArrayList<>(n);
    Location loc = new Location("150924", null, "兴和县城关镇", null, null);
    for (int i = 0; i < n; i++) {
      BureauId b = BUREAUS.get(r.nextInt(BUREAUS.size()));
      LocalDate filed = start.plusDays(r.nextInt(730));
      Disposition d = ds[r.nextInt(ds.length)];
      out.add(
          new CaseRecord(
              CaseNumber.of(b.code() + "烟立字第" + i + "号"),
              b,
              kinds[r.nextInt(kinds.length)],
              filed,
              filed,
              d == Disposition.PENDING ? null : filed.plusDays(10),
              loc,
              List.of(),
              List.of(new BrandItem("中华", "硬", 200L * (1 + r.nextInt(300)))),
              r.nextLong(8_000_000L),
              d,
              d == Disposition.ADMINISTRATIVE_PENALTY ? r.nextLong(1_000_000L) : 0,
              List.of(),
              "案情",
              1,
              d == Disposition.TRANSFERRED_TO_POLICE ? r.nextInt(3) : 0,
              d == Disposition.TRANSFERRED_TO_POLICE ? r.nextInt(2) : 0,
              d == Disposition.PENDING ? 0L : r.nextLong(500_000L)));
    }
    return out;
  }

  static List<LeadFact> leads(int n) {
    SplittableRandom r = new SplittableRandom(31);
    Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    LeadEvent[] events = {LeadEvent.CLAIM, LeadEvent.FEEDBACK, LeadEvent.CLOSE};
    List<LeadFact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BureauId origin = BUREAUS.get(r.nextInt(BUREAUS.size()));
      BureauId target = BUREAUS.get(r.nextInt(BUREAUS.size()));
      Instant at = start.plusSeconds(r.nextLong(730 * 86_400L));
      List<LeadFact.Step> steps = new ArrayList<>();
      for (LeadEvent e : events) {
        at = at.plusSeconds(r.nextLong(5 * 86_400L));
        steps.add(new LeadFact.Step(e, target, at, e == LeadEvent.CLOSE ? Outcome.CASE_OPENED : null));
      }
      out.add(new LeadFact("lead-" + i, origin, at, List.of(target), steps));
    }
    return out;
  }
}
