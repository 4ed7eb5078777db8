import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Location;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.node.report.LeadFact;
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
import java.util.SplittableRandom;

/**
 * A quarter's report over N cases and N leads (issue 30, docs/benchmarks.md "Quarterly report"):
 * the engine's briefing of one bureau (cases by kind, major cases, transfers, leads), its
 * canonical JSON (what is signed), and the regional view's work (six bureaus × three periods).
 * Same-run baseline: one pass summing N longs. Usage: java -cp … ReportBench.java [N] [rounds]
 */
public class ReportBench {
  static final List<BureauId> BUREAUS =
      List.of("150924", "150981", "140222", "140221", "130728", "130725").stream()
          .map(BureauId::of)
          .toList();

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long t0 = System.nanoTime();
    List<CaseRecord> cases = cases(n);
    List<LeadFact> leads = leads(n);
    System.out.printf(
        Locale.ROOT,
        "# %,d cases and %,d leads generated in %.1f s%n",
        n,
        n,
        (System.nanoTime() - t0) / 1e9);
    long[] longs = new SplittableRandom(1).longs(n).toArray();
    Period q = Period.quarter(2026, 2);
    double[] base = new double[rounds];
    double[] one = new double[rounds];
    double[] canon = new double[rounds];
    double[] regional = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long s = System.nanoTime();
      long sum = 0;
      for (long x : longs) {
        sum += x;
      }
      sink += sum;
      base[r] = (System.nanoTime() - s) / 1e6;
      s = System.nanoTime();
      Briefing b = ReportEngine.briefing(BUREAUS.get(0), q, cases, leads, PriceFacts.NONE, "市场平稳");
      one[r] = (System.nanoTime() - s) / 1e6;
      s = System.nanoTime();
      sink += ReportService.canonical(b).length;
      canon[r] = (System.nanoTime() - s) / 1e6;
      s = System.nanoTime();
      for (BureauId bureau : BUREAUS) {
        for (Period p : List.of(q, q.previous(), q.yearBefore())) {
          sink += ReportEngine.briefing(bureau, p, cases, leads, PriceFacts.NONE, "").cases().total().cases();
        }
      }
      regional[r] = (System.nanoTime() - s) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "round %d: baseline %.1f ms, briefing %.1f ms (%d cases in the quarter), canonical %.2f ms, regional %.0f ms%n",
          r + 1,
          base[r],
          one[r],
          b.cases().total().cases(),
          canon[r],
          regional[r]);
    }
    System.out.printf(
        Locale.ROOT,
        "# median of rounds 2..%d: baseline %.1f ms, briefing %.1f ms (%.0f× baseline), canonical %.2f ms, regional view %.0f ms (sink %d)%n",
        rounds,
        median(base),
        median(one),
        median(one) / median(base),
        median(canon),
        median(regional),
        sink & 1);
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
