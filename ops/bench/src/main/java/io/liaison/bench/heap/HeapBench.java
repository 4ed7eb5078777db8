package io.liaison.bench.heap;

import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.GeneratedCases;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.bench.Args;
import io.liaison.bench.BenchCluster;
import io.liaison.bench.LeadBodies;
import io.liaison.bench.Machine;
import io.liaison.bench.NodeHandle;
import io.liaison.node.cases.BenchCases;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.events.EventFeed;
import io.liaison.node.lead.BenchRecords;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.lead.LeadSealing;
import io.liaison.node.store.Store;
import io.liaison.node.trust.TrustService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Live heap of three nodes whose stores hold {@code n} leads in a final state (withdrawn) and
 * {@code n} shared cases, all settled a month ago (#32: records that need no cluster-wide decision
 * leave the grid after {@code cluster.gridRetentionSeconds}): the stores are filled, the nodes
 * started one after another (each once the one before has put back what the grid lacked, as after a
 * full-cluster restart), their search indexes rebuilt, then each node's heap is read after a full
 * GC ({@code jcmd <pid> GC.run}, {@code GC.heap_info}).
 *
 * <p>Arguments ({@code key=value}): n (100000), xmx of each node (2g), dir, downgrade (false: true
 * turns the filled stores back into the schema of a build before the grid retention, for a same-run
 * baseline whose nodes run that build through {@code BENCH_NODE_CP}), histogram (0: with K &gt; 0
 * the K largest classes of node 0's live heap, {@code GC.class_histogram}, are printed after the
 * readings).
 */
public final class HeapBench {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private HeapBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int n = a.integer("n", 100_000);
    String xmx = a.text("xmx", "2g");
    boolean downgrade = Boolean.parseBoolean(a.text("downgrade", "false"));
    int histogram = a.integer("histogram", 0);
    Path dir =
        a.text("dir", null) == null
            ? Files.createTempDirectory("liaison-bench-heap")
            : Files.createDirectories(Path.of(a.text("dir", null)));
    Machine.printHeader("heap", argv);
    say("working directory " + dir + " (node logs: node-*.log)");
    BenchCluster c = new BenchCluster(dir, 3);
    long t0 = System.nanoTime();
    fill(c, n);
    say(
        "filled 3 stores with %d withdrawn leads and %d cases each in %.0f s"
            .formatted(n, n, (System.nanoTime() - t0) / 1e9));
    if (downgrade) {
      for (int i = 0; i < 3; i++) {
        downgrade(c.storeFile(i));
      }
      say("stores turned back into schema 10 (before the grid retention)");
    }
    List<NodeHandle> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        NodeHandle h =
            NodeHandle.launch(
                "node" + i,
                c.config(i),
                dir.resolve("node-" + i + ".log"),
                xmx,
                "node ready|grid restored|search index rebuilt|reconciled"
                    + " map=liaison\\.(leads|cases)");
        nodes.add(h);
        NodeHandle.Ready r = h.awaitReady(Duration.ofMinutes(30));
        h.awaitKept("grid restored", Duration.ofMinutes(30));
        say("node%d ready %d ms after launch, grid restored".formatted(i, r.wallMillis()));
      }
      for (NodeHandle h : nodes) {
        h.awaitKept("search index rebuilt", Duration.ofMinutes(60));
      }
      for (NodeHandle h : nodes) {
        for (String l : h.kept()) {
          if (l.contains("reconciled map=")) {
            say("  %s: %s".formatted(h.name(), l.substring(Math.max(0, l.indexOf(" - ") + 3))));
          }
        }
      }
      say("load average before the heap readings: " + Machine.loadAverage());
      long total = 0;
      for (NodeHandle h : nodes) {
        jcmd(h.pid(), "GC.run");
        String info = jcmd(h.pid(), "GC.heap_info");
        Matcher m = USED.matcher(info);
        long usedKb = m.find() ? Long.parseLong(m.group(1)) : -1;
        total += usedKb;
        say("%s live heap after full GC: %d MB".formatted(h.name(), usedKb / 1024));
      }
      say(
          "RESULT n=%d (leads final + cases, per store) mean live heap per node after full GC: %d MB"
              .formatted(n, total / 3 / 1024));
      if (histogram > 0) {
        // the header (3 lines) and the K largest classes, by bytes
        jcmd(nodes.get(0).pid(), "GC.class_histogram")
            .lines()
            .limit(histogram + 3L)
            .forEach(l -> say("  " + l));
      }
    } finally {
      for (NodeHandle h : nodes) {
        h.close();
      }
    }
  }

  /** {@code n} withdrawn leads (posted by the three bureaus in turn) and n cases in every store. */
  private static void fill(BenchCluster c, int n) throws Exception {
    TrustService[] trust = new TrustService[3];
    for (int i = 0; i < 3; i++) {
      trust[i] = c.trust(i);
    }
    Set<String> bureaus = Set.of("150924", "140222", "140221");
    GeneratedCases gen = ServiceLoader.load(GeneratedCases.class).findFirst().orElseThrow();
    LongFunction<CaseRecord> cases = gen.set(32, 40L * n);
    Instant base = Instant.now().minus(Duration.ofDays(60));
    long step = Duration.ofDays(29).toMillis() / n;
    List<Store> stores = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        stores.add(Store.open(c.storeFile(i)));
      }
      int chunk = 2000;
      long nextCase = 0;
      for (int from = 0; from < n; from += chunk) {
        int to = Math.min(n, from + chunk);
        List<LeadRecord> leads =
            IntStream.range(from, to)
                .parallel()
                .mapToObj(
                    k -> {
                      int o = k % 3;
                      Instant at = base.plusMillis(k * step);
                      LeadRecord r =
                          BenchRecords.posted(trust[o], LeadBodies.draft(k, c.officer(o)), at);
                      return BenchRecords.transitioned(
                          r,
                          trust[o],
                          TransitionRequest.of(LeadEvent.WITHDRAW, c.officer(o)),
                          at.plus(Duration.ofHours(1)));
                    })
                .toList();
        List<CaseRecord> picked = new ArrayList<>();
        while (picked.size() < to - from) {
          CaseRecord cr = cases.apply(nextCase++);
          if (cr.version() == 1 && bureaus.contains(cr.bureau().code())) {
            picked.add(cr);
          }
        }
        int f = from;
        List<SharedCase> shared =
            IntStream.range(0, picked.size())
                .parallel()
                .mapToObj(
                    j -> {
                      CaseRecord cr = picked.get(j);
                      int o = List.of("150924", "140222", "140221").indexOf(cr.bureau().code());
                      return BenchCases.shared(
                          trust[o], cr, base.plusMillis((f + j) * step).plusSeconds(60));
                    })
                .toList();
        for (int i = 0; i < 3; i++) {
          Store s = stores.get(i);
          TrustService self = trust[i];
          LeadSealing sealing = new LeadSealing(self);
          EventFeed feed = new EventFeed(null); // append only: nothing is published
          Object res =
              s.runBatch(
                      List.of(
                          st -> {
                            for (LeadRecord r : leads) {
                              BenchRecords.store(st, r, self, feed, sealing, r.last().signedAt());
                            }
                            for (SharedCase sc : shared) {
                              BenchCases.store(st, sc);
                            }
                            return null;
                          }))
                  .get(0);
          if (res instanceof Store.Failed failed) {
            throw new IllegalStateException("writing a chunk failed", failed.cause());
          }
        }
        if ((to / chunk) % 10 == 0 || to == n) {
          say("  fill: %d of %d leads and cases written to 3 stores".formatted(to, n));
        }
      }
    } finally {
      for (Store s : stores) {
        s.close();
      }
    }
  }

  /** The store as a build before the grid retention (schema 10) had written it. */
  private static void downgrade(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("DROP INDEX IF EXISTS record_buckets_retiring");
      st.execute("ALTER TABLE records DROP COLUMN settled_at");
      st.execute("ALTER TABLE record_buckets DROP COLUMN settled_at");
      st.execute("ALTER TABLE record_buckets DROP COLUMN on_grid");
      st.execute("ALTER TABLE record_digests DROP COLUMN grid_digest");
      st.execute("UPDATE schema_version SET version = 10");
    }
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(2, TimeUnit.MINUTES);
    return out;
  }

  private static void say(String s) {
    System.out.println(s);
    System.out.flush();
  }
}
