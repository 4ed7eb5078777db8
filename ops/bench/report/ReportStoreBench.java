import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.price.PriceBook;
import io.liaison.node.report.PriceFacts;
import io.liaison.node.report.ReportEngine;
import io.liaison.node.report.ReportFacts;
import io.liaison.node.report.ReportService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A quarter's report as the node computes it from its store file (issue 30, docs/benchmarks.md
 * "Quarterly report from the store"): N signed cases in a real SQLite store file (seeded in bulk
 * through the store's own writes, not over HTTP) and N price observations in the price book (as
 * PriceService holds them after start), a fresh JVM that opens the store and asks for the report:
 * the node's {@link ReportFacts} catching up with the store's change log, the engine's briefing
 * with its price figures, and its canonical JSON. First report after start (the facts read from
 * the store), then warm reports, each after one more case committed (so each catches up).
 * Same-run baselines: a raw SQLite scan of the same case rows (bodies read, nothing parsed), and
 * once, the read a report made before (every stored case read and parsed, SharedRecords.read).
 *
 * <p>Usage: java -cp … ReportStoreBench seed FILE N | measure FILE N ROUNDS
 */
public class ReportStoreBench {
  static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    if (args[0].equals("seed")) {
      seed(file, n);
    } else {
      measure(file, n, Integer.parseInt(args[3]));
    }
  }

  static Map<BureauId, EnvelopeSigner> signers() {
    Map<BureauId, EnvelopeSigner> out = new HashMap<>();
    for (BureauId b : ReportBench.BUREAUS) {
      out.put(b, new EnvelopeSigner(b, SigningKeyPair.generate()));
    }
    return out;
  }

  static SharedCase signed(Map<BureauId, EnvelopeSigner> signers, CaseRecord c, Instant at) {
    return SharedCase.first(
        signers.get(c.bureau()).sign(SharedCase.payload(c), Hashes.GENESIS, at));
  }

  /** N signed cases into a new store file, 10,000 per transaction, signed on every core. */
  static void seed(Path file, int n) throws Exception {
    Files.deleteIfExists(file);
    long t0 = System.nanoTime();
    List<CaseRecord> cases = ReportBench.cases(n);
    Map<BureauId, EnvelopeSigner> signers = signers();
    try (Store store = Store.open(file)) {
      for (int from = 0; from < n; from += 10_000) {
        List<StoredRecord> page =
            cases.subList(from, Math.min(n, from + 10_000)).parallelStream()
                .map(c -> signed(signers, c, AT).stored())
                .toList();
        store.runBatch(
            List.<Function<Store, ?>>of(
                s -> {
                  page.forEach(s::putRecord);
                  return null;
                }));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "# seeded %,d signed cases into %s (%,d MB) in %.1f s%n",
        n,
        file,
        Files.size(file) >> 20,
        (System.nanoTime() - t0) / 1e9);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void measure(Path file, int n, int rounds) throws Exception {
    // the price book with N observations, as PriceService holds it after start (PriceBench)
    long t0 = System.nanoTime();
    PriceBench prices = new PriceBench();
    prices.load(n);
    PriceBook book = prices.book;
    System.out.printf(
        Locale.ROOT,
        "# price book with %,d observations built in %.1f s (not part of any figure below)%n",
        n,
        (System.nanoTime() - t0) / 1e9);
    BureauId bureau = ReportBench.BUREAUS.get(0);
    Period q = Period.quarter(2026, 2);
    ReportEngine.Rules rules = new ReportEngine.Rules(ReportEngine.MAJOR_FEN, 15);

    // baseline: a raw scan of the same rows
    double[] scan = new double[rounds];
    for (int r = 0; r < Math.min(rounds, 3); r++) {
      long s = System.nanoTime();
      long bytes = 0;
      long rows = 0;
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT body FROM records WHERE kind='case'")) {
        while (rs.next()) {
          bytes += rs.getString(1).length();
          rows++;
        }
      }
      scan[r] = (System.nanoTime() - s) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "baseline raw SQLite scan %d: %,d rows, %,d MB of bodies, %.0f ms%n",
          r + 1,
          rows,
          bytes >> 20,
          scan[r]);
    }

    Vertx vertx = Vertx.vertx();
    Map<BureauId, EnvelopeSigner> signers = signers();
    try (Store store = Store.open(file)) {
      StoreExecutor exec = new StoreExecutor(vertx, store, "bench-store");
      ReportFacts facts = new ReportFacts(vertx, exec);
      double[] wall = new double[rounds + 1];
      double[] cpu = new double[rounds + 1];
      long sink = 0;
      for (int r = 0; r <= rounds; r++) {
        if (r > 0) {
          // one more case committed since the last report: the next one catches up
          CaseRecord extra = extra(r);
          int round = r;
          await(exec.transaction(s -> s.putRecord(signed(signers, extra, AT.plusSeconds(round)).stored())));
        }
        long c = cpu();
        long s = System.nanoTime();
        ReportEngine.Sources in = await(facts.sources());
        Briefing b =
            ReportEngine.briefing(bureau, q, in, rules, PriceFacts.of(book, bureau, q), "市场平稳");
        sink += ReportService.canonical(b).length;
        wall[r] = (System.nanoTime() - s) / 1e6;
        cpu[r] = (cpu() - c) / 1e6;
        System.out.printf(
            Locale.ROOT,
            "%s: %.0f ms wall, %.0f ms CPU (process) — %d cases of %s in %s, %d observations judged%n",
            r == 0 ? "first report after start" : "warm report " + r,
            wall[r],
            cpu[r],
            b.cases().total().cases(),
            bureau.code(),
            q.label(),
            b.prices().judged());
      }
      // the read a report made before: every stored case read and parsed (once)
      long c = cpu();
      long s = System.nanoTime();
      int parsed =
          await(
              exec.call(
                  st -> {
                    int k = 0;
                    for (StoredRecord rec :
                        st.records(SharedCase.KIND, null, null, Integer.MAX_VALUE)) {
                      sink(SharedCase.parse(rec.id(), rec.body()).current());
                      k++;
                    }
                    return k;
                  }));
      double before = (System.nanoTime() - s) / 1e6;
      double beforeCpu = (cpu() - c) / 1e6;
      double[] warm = Arrays.copyOfRange(wall, 1, wall.length);
      double[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
      double[] scans = Arrays.copyOfRange(scan, 0, Math.min(rounds, 3));
      System.out.printf(
          Locale.ROOT,
          "# before (each report read and parsed every stored case, %,d): %.0f ms wall, %.0f ms CPU, once%n",
          parsed,
          before,
          beforeCpu);
      System.out.printf(
          Locale.ROOT,
          "# first report after start %.0f ms wall (%.1f× the raw scan), CPU %.0f ms; warm reports (%d) median %.0f ms wall (%.2f× the raw scan), p95 %.0f ms, CPU median %.0f ms p95 %.0f ms; raw SQLite scan of the case rows median %.0f ms (sink %d)%n",
          wall[0],
          wall[0] / pct(scans, 50),
          cpu[0],
          rounds,
          pct(warm, 50),
          pct(warm, 50) / pct(scans, 50),
          pct(warm, 95),
          pct(warmCpu, 50),
          pct(warmCpu, 95),
          pct(scans, 50),
          sink & 1);
      exec.close();
    } finally {
      await(vertx.close());
    }
  }

  static long sunk;

  static void sink(CaseRecord c) {
    sunk += c.valueFen();
  }

  /** A case of the measured bureau filed in the measured quarter, not among the seeded ones. */
  static CaseRecord extra(int r) {
    CaseRecord c = ReportBench.cases(1).get(0);
    BureauId b = ReportBench.BUREAUS.get(0);
    return new CaseRecord(
        io.liaison.api.cases.CaseNumber.of(b.code() + "烟立字追加第" + r + "号"),
        b,
        c.category(),
        java.time.LocalDate.of(2026, 5, 1),
        java.time.LocalDate.of(2026, 5, 1),
        null,
        c.location(),
        c.entities(),
        c.items(),
        c.valueFen(),
        io.liaison.api.cases.Disposition.PENDING,
        0,
        c.linkedLeadIds(),
        c.narrative(),
        1,
        0,
        0,
        0L);
  }

  /** The p-th percentile (nearest rank) of xs. */
  static double pct(double[] xs, int p) {
    double[] w = xs.clone();
    Arrays.sort(w);
    int i = (int) Math.ceil(p / 100.0 * w.length) - 1;
    return w[Math.max(0, Math.min(w.length - 1, i))];
  }
}
