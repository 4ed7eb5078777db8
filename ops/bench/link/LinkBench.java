import io.liaison.search.SearchDocument;
import io.liaison.fixtures.demo.DemoCases;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import io.liaison.search.link.LinkUpdate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Link engine benchmark (issue 8): full relink of N generated cases (DemoCases, streaming), then
 * incremental linking of M further cases into that index, timed per case (wall and CPU of the
 * calling thread), then a reopen of the engine.
 *
 * <p>java -cp search/target/classes:... ops/bench/link/LinkBench.java N M dir
 */
public class LinkBench {
  public static void main(String[] args) throws Exception {
    long n = Long.parseLong(args[0]);
    int m = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    long seed = 8;
    DemoCases demo = new DemoCases(seed, n + m);
    Path links = dir.resolve("links");
    System.out.printf(Locale.ROOT, "# N=%d indexed cases, M=%d incremental cases, heap %d MB%n", n, m, Runtime.getRuntime().maxMemory() >> 20);

    long t0 = System.nanoTime();
    try (LinkEngine engine = LinkEngine.open(links)) {
      Iterable<LinkRecord> base =
          () -> LongStream.range(0, n).mapToObj(i -> LinkRecord.open(SearchDocument.ofCase(demo.generate(i).record()))).iterator();
      long[] last = {t0};
      engine.relink(
          base,
          k -> {
            long now = System.nanoTime();
            if (now - last[0] > 30e9) {
              System.err.printf(Locale.ROOT, "  relink: %d records indexed after %.0f s%n", k, (now - t0) / 1e9);
              last[0] = now;
            }
          });
      double relink = (System.nanoTime() - t0) / 1e9;
      LinkEngine.Stats s = engine.stats();
      System.out.printf(
          Locale.ROOT,
          "full relink: %d records in %.1f s (%.0f records/s), %d linked records, %d networks, %d proposals%n",
          n, relink, n / relink, s.linkedRecords(), s.networks(), s.proposals());

      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double[] wall = new double[m];
      double[] cpuMs = new double[m];
      long linked = 0;
      long t1 = System.nanoTime();
      for (int i = 0; i < m; i++) {
        SearchDocument d = SearchDocument.ofCase(demo.generate(n + i).record());
        long c0 = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        LinkUpdate u = engine.upsert(d);
        wall[i] = (System.nanoTime() - w0) / 1e6;
        cpuMs[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        linked += u.links().isEmpty() ? 0 : 1;
      }
      double inc = (System.nanoTime() - t1) / 1e9;
      Arrays.sort(wall);
      Arrays.sort(cpuMs);
      System.out.printf(
          Locale.ROOT,
          "incremental: %d cases in %.1f s (%.0f/s), %d of them linked; wall ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.1f; CPU ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f%n",
          m, inc, m / inc, linked, q(wall, 0.5), q(wall, 0.9), q(wall, 0.99), q(wall, 0.999), wall[m - 1],
          q(cpuMs, 0.5), q(cpuMs, 0.9), q(cpuMs, 0.99), q(cpuMs, 0.999));
      engine.commit("bench");
    }
    long size;
    try (Stream<Path> files = Files.walk(links)) {
      size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    long t2 = System.nanoTime();
    try (LinkEngine engine = LinkEngine.open(links)) {
      System.out.printf(
          Locale.ROOT,
          "link index on disk: %.1f MB; reopen (read the stored links back): %.1f s, status %s, %d networks%n",
          size / 1e6, (System.nanoTime() - t2) / 1e9, engine.status(), engine.networks().size());
    }
  }

  static double q(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}
