import io.liaison.api.BureauId;
import io.liaison.api.action.TimeWindow;
import io.liaison.api.cases.EntityType;
import io.liaison.node.action.Marks;
import io.liaison.node.action.internal.DeconflictionIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Deconfliction check latency against many holding plans and open cases (single-file program run
 * by run.sh with the node's class path). Fills one {@link DeconflictionIndex} with {@code plans}
 * proposed/approved/active plans (5 targets, 2 places, a window within one year) and {@code cases}
 * open cases (3 entities each), then times, interleaved in rounds: (a) the check of a new plan
 * (what propose and change run), (b) a new case checked against the plans, marks computed from its
 * raw entities (what every new lead or case runs), and (c) the same-run baseline: one HashSet
 * lookup per mark of the plan. Prints p50/p99/max per round and the ratio to the baseline.
 *
 * <p>Usage: java ... DeconflictionBench.java [plans=10000] [cases=1000000] [checks=20000]
 * [rounds=3]
 */
public class DeconflictionBench {
  static final BureauId[] BUREAUS = {
    BureauId.of("150924"), BureauId.of("150981"), BureauId.of("140222"),
    BureauId.of("140221"), BureauId.of("130728"), BureauId.of("130725")
  };
  static final String[] PROV = {"蒙J", "晋B", "冀G"};
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  public static void main(String[] a) {
    int plans = arg(a, "plans", 10_000);
    int cases = arg(a, "cases", 1_000_000);
    int checks = arg(a, "checks", 20_000);
    int rounds = arg(a, "rounds", 3);
    Random rnd = new Random(42);
    int vehiclePool = 200_000;
    int phonePool = 500_000;
    int placePool = 600;
    DeconflictionIndex index = new DeconflictionIndex();
    long t0 = System.nanoTime();
    for (int i = 0; i < plans; i++) {
      index.putPlan(plan("p" + i, rnd, vehiclePool, phonePool, placePool));
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      BureauId b = BUREAUS[rnd.nextInt(BUREAUS.length)];
      List<String> marks = new ArrayList<>(3);
      marks.add(Marks.entity(EntityType.PLATE, plate(rnd.nextInt(vehiclePool))).orElseThrow());
      marks.add(Marks.entity(EntityType.PHONE, phone(rnd.nextInt(phonePool))).orElseThrow());
      marks.add(Marks.entity(EntityType.PERSON, "人员" + rnd.nextInt(phonePool)).orElseThrow());
      index.putRecord("case:" + i, b, marks, true);
    }
    long t2 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        Locale.ROOT,
        "# filled plans=%d in %.1f s, cases=%d in %.1f s; heap used %d MiB%n",
        plans,
        (t1 - t0) / 1e9,
        cases,
        (t2 - t1) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    Set<String> allMarks = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      allMarks.addAll(plan("x" + i, rnd, vehiclePool, phonePool, placePool).targetMarks());
    }
    for (int r = 1; r <= rounds; r++) {
      long[] plan = new long[checks];
      long[] kase = new long[checks];
      long[] base = new long[checks];
      long hits = 0;
      long sink = 0;
      for (int i = 0; i < checks; i++) {
        DeconflictionIndex.Plan p = plan("new" + i, rnd, vehiclePool, phonePool, placePool);
        long s = System.nanoTime();
        for (String m : p.targetMarks()) {
          sink += allMarks.contains(m) ? 1 : 0;
        }
        for (String m : p.placeMarks()) {
          sink += allMarks.contains(m) ? 1 : 0;
        }
        base[i] = System.nanoTime() - s;
        s = System.nanoTime();
        hits += index.check(p).size();
        plan[i] = System.nanoTime() - s;
        String id = "newcase:" + r + ":" + i;
        String pl = plate(rnd.nextInt(vehiclePool));
        String ph = phone(rnd.nextInt(phonePool));
        BureauId b = BUREAUS[rnd.nextInt(BUREAUS.length)];
        s = System.nanoTime();
        List<String> marks = new ArrayList<>(3);
        Marks.entity(EntityType.PLATE, pl).ifPresent(marks::add);
        Marks.entity(EntityType.PHONE, ph).ifPresent(marks::add);
        hits += index.putRecord(id, b, marks, true).size();
        kase[i] = System.nanoTime() - s;
        index.removeRecord(id);
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: plan check %s | new case %s | baseline %s | plan/baseline p99 %.1fx |"
              + " hits=%d (%d)%n",
          r,
          summary(plan),
          summary(kase),
          summary(base),
          pct(plan, 99) / Math.max(1.0, pct(base, 99)),
          hits,
          sink);
    }
  }

  static DeconflictionIndex.Plan plan(
      String id, Random rnd, int vehiclePool, int phonePool, int placePool) {
    BureauId lead = BUREAUS[rnd.nextInt(BUREAUS.length)];
    BureauId other = BUREAUS[(java.util.Arrays.asList(BUREAUS).indexOf(lead) + 1) % BUREAUS.length];
    List<String> targets = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      Marks.entity(EntityType.PLATE, plate(rnd.nextInt(vehiclePool))).ifPresent(targets::add);
    }
    for (int k = 0; k < 2; k++) {
      Marks.entity(EntityType.PHONE, phone(rnd.nextInt(phonePool))).ifPresent(targets::add);
    }
    List<String> places = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      places.add(Marks.entity(EntityType.ADDRESS, "乡镇" + rnd.nextInt(placePool)).orElseThrow());
    }
    Instant start = T0.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
    return new DeconflictionIndex.Plan(
        id,
        lead,
        Set.of(lead, other),
        new TimeWindow(start, start.plus(Duration.ofDays(1 + rnd.nextInt(7)))),
        true,
        targets,
        places);
  }

  static String plate(int n) {
    return PROV[n % 3] + "·" + (char) ('A' + (n / 3) % 26) + String.format("%04d", (n / 78) % 10000);
  }

  static String phone(int n) {
    return "139" + String.format("%08d", n * 7919L % 100_000_000L);
  }

  static String summary(long[] ns) {
    return String.format(
        Locale.ROOT,
        "p50=%.4f p99=%.4f max=%.3f ms",
        pct(ns, 50) / 1e6,
        pct(ns, 99) / 1e6,
        java.util.Arrays.stream(ns).max().orElse(0) / 1e6);
  }

  static double pct(long[] ns, double p) {
    long[] c = ns.clone();
    java.util.Arrays.sort(c);
    return c[Math.min(c.length - 1, (int) Math.ceil(p / 100.0 * c.length) - 1)];
  }

  static int arg(String[] a, String name, int dflt) {
    for (String s : a) {
      if (s.startsWith(name + "=")) {
        return Integer.parseInt(s.substring(name.length() + 1));
      }
    }
    return dflt;
  }
}
