import io.liaison.search.SearchDocument;
import io.liaison.fixtures.demo.DemoCases;
import io.liaison.search.link.Audience;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkRecord;
import io.liaison.search.link.LinkUpdate;
import io.liaison.search.link.internal.FeatureExtractor;
import io.liaison.search.link.internal.Profile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Link engine benchmark (issues 8, 33): full relink of N generated cases (DemoCases, streaming),
 * then incremental linking of M further cases into that index, timed per case (wall and CPU of the
 * calling thread), each case followed by the same-run baseline: bare Lucene look-ups of the same
 * keys (the case's identifiers, names, addresses, text keys: seekExact and every posting, in a
 * reader of the committed link index) — the floor of any engine that finds candidates by keys. Then
 * a reopen of the engine.
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
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "# N=%d indexed cases, M=%d incremental cases, heap %d MB, %d processors%n", n, m, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

    long t0 = System.nanoTime();
    long cpu0 = os.getProcessCpuTime();
    try (LinkEngine engine = LinkEngine.open(links)) {
      Iterable<LinkRecord> base =
          () -> LongStream.range(0, n).mapToObj(i -> LinkRecord.open(SearchDocument.ofCase(demo.generate(i).record()))).iterator();
      long[] last = {t0};
      long[] indexedAt = {0, 0};
      engine.relink(
          base,
          k -> {
            long now = System.nanoTime();
            if (k == n && indexedAt[0] == 0) {
              indexedAt[0] = now;
              indexedAt[1] = os.getProcessCpuTime();
            }
            if (now - last[0] > 30e9) {
              System.err.printf(Locale.ROOT, "  relink: %d records indexed after %.0f s, load %s%n", k, (now - t0) / 1e9, load());
              last[0] = now;
            }
          });
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      double relink = (t1 - t0) / 1e9;
      LinkEngine.Stats s = engine.stats();
      System.out.printf(
          Locale.ROOT,
          "full relink: %d records in %.1f s wall (%.0f records/s), process CPU %.1f s (%.3f ms per record); of it generate+extract+index %.1f s wall / %.1f s CPU, merge+link+graph+store %.1f s wall / %.1f s CPU; %d linked records, %d networks, %d proposals%n",
          n, relink, n / relink, (cpu1 - cpu0) / 1e9, (cpu1 - cpu0) / 1e6 / n,
          (indexedAt[0] - t0) / 1e9, (indexedAt[1] - cpu0) / 1e9, (t1 - indexedAt[0]) / 1e9, (cpu1 - indexedAt[1]) / 1e9,
          s.linkedRecords(), s.networks(), s.proposals());
      engine.commit("relinked");

      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double[] wall = new double[m];
      double[] cpuMs = new double[m];
      double[] bareWall = new double[m];
      double[] bareCpu = new double[m];
      long linked = 0;
      long keys = 0;
      long postings = 0;
      long t2 = System.nanoTime();
      try (FSDirectory fs = FSDirectory.open(links); DirectoryReader reader = DirectoryReader.open(fs)) {
        Bare bare = new Bare(reader);
        for (int i = 0; i < m; i++) {
          SearchDocument d = SearchDocument.ofCase(demo.generate(n + i).record());
          long c0 = cpu.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          LinkUpdate u = engine.upsert(d);
          wall[i] = (System.nanoTime() - w0) / 1e6;
          cpuMs[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
          linked += u.links().isEmpty() ? 0 : 1;
          // baseline: the same case's keys, looked up bare (extraction not timed)
          Profile p = FeatureExtractor.extract(d, Audience.everyone());
          c0 = cpu.getCurrentThreadCpuTime();
          w0 = System.nanoTime();
          for (String key : p.keys()) {
            postings += bare.lookup(key);
            keys++;
          }
          bareWall[i] = (System.nanoTime() - w0) / 1e6;
          bareCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        }
      }
      double inc = (System.nanoTime() - t2) / 1e9;
      Arrays.sort(wall);
      Arrays.sort(cpuMs);
      Arrays.sort(bareWall);
      Arrays.sort(bareCpu);
      System.out.printf(
          Locale.ROOT,
          "incremental: %d cases in %.1f s with the baseline, %d of them linked; wall ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.1f; CPU ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f%n",
          m, inc, linked, q(wall, 0.5), q(wall, 0.9), q(wall, 0.99), q(wall, 0.999), wall[m - 1],
          q(cpuMs, 0.5), q(cpuMs, 0.9), q(cpuMs, 0.99), q(cpuMs, 0.999));
      System.out.printf(
          Locale.ROOT,
          "baseline (bare Lucene look-ups of the same %.1f keys per case, %.1f postings per case): wall ms p50 %.3f p90 %.3f p99 %.3f max %.1f; CPU ms p50 %.3f p99 %.3f%n",
          keys / (double) m, postings / (double) m, q(bareWall, 0.5), q(bareWall, 0.9), q(bareWall, 0.99), bareWall[m - 1], q(bareCpu, 0.5), q(bareCpu, 0.99));
      System.out.printf(
          Locale.ROOT,
          "ratio engine / baseline: wall p50 %.1fx p99 %.1fx; CPU p50 %.1fx p99 %.1fx%n",
          q(wall, 0.5) / q(bareWall, 0.5), q(wall, 0.99) / q(bareWall, 0.99), q(cpuMs, 0.5) / q(bareCpu, 0.5), q(cpuMs, 0.99) / q(bareCpu, 0.99));
      engine.commit("bench");
    }
    long size;
    try (Stream<Path> files = Files.walk(links)) {
      size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    long t3 = System.nanoTime();
    try (LinkEngine engine = LinkEngine.open(links)) {
      System.out.printf(
          Locale.ROOT,
          "link index on disk: %.1f MB; reopen (read the stored links back): %.1f s, status %s, %d networks%n",
          size / 1e6, (System.nanoTime() - t3) / 1e9, engine.status(), engine.networks().size());
    }
  }

  /** Bare Lucene: seekExact the key's term in every segment and read every posting. */
  static final class Bare {
    private final DirectoryReader reader;
    private final TermsEnum[] terms;
    private final PostingsEnum[] postings;

    Bare(DirectoryReader reader) throws java.io.IOException {
      this.reader = reader;
      int leaves = reader.leaves().size();
      terms = new TermsEnum[leaves];
      postings = new PostingsEnum[leaves];
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms t = leaf.reader().terms("k");
        terms[leaf.ord] = t == null ? null : t.iterator();
      }
    }

    long lookup(String key) throws java.io.IOException {
      BytesRef term = new BytesRef(key);
      long found = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        TermsEnum te = terms[leaf.ord];
        if (te == null || !te.seekExact(term)) {
          continue;
        }
        PostingsEnum pe = postings[leaf.ord] = te.postings(postings[leaf.ord], PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          found++;
        }
      }
      return found;
    }
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static double q(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}
