package io.liaison.bench.durability;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.bench.Args;
import io.liaison.bench.BenchCluster;
import io.liaison.bench.CpuMeter;
import io.liaison.bench.HttpLoad;
import io.liaison.bench.Lat;
import io.liaison.bench.Machine;
import io.liaison.bench.NodeHandle;
import io.liaison.bench.Rounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Durability costs on a 3-node loopback cluster (each node its own JVM).
 *
 * <p>fsync: the same post load with the node stores' {@code PRAGMA synchronous} FULL (the node's
 * setting), NORMAL and OFF, interleaved round by round, next to raw SQLite insert+commit in the
 * same modes on the same disk. Cold start: stores filled with {@code n} real signed lead records,
 * then the nodes started one after another: the first finds the grid empty (a full-cluster restart,
 * it puts every record back), the others join a grid that already holds everything.
 *
 * <p>Arguments ({@code key=value}): parts (fsync,coldstart), sizes (100000,300000), rounds (2),
 * seconds (10), warmup (3), clients (8), xmx of each node (2g), dir (a new temporary directory),
 * join (full: a node joins once the nodes before it have put back what the grid lacked, so that it
 * joins a whole grid; early: as soon as the one before is ready, as until #32).
 */
public final class DurabilityBench {
  private static final Duration CMD = Duration.ofMinutes(5);
  private static final String[] MODES = {"FULL", "NORMAL", "OFF"};
  private static final Pattern LOG_TIME = Pattern.compile("^(\\S+) ");
  private static final Pattern TAKEN_IN =
      Pattern.compile("reconciling map=liaison\\.leads (.*) in (\\d+) ms(.*)");
  private static final Pattern RECONCILED =
      Pattern.compile("reconciled (?:leads|map=liaison\\.leads) (.*) in (\\d+) ms");

  private DurabilityBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    List<String> parts = Arrays.asList(a.text("parts", "fsync,coldstart").split(","));
    int rounds = a.integer("rounds", 2);
    String xmx = a.text("xmx", "2g");
    Path dir =
        a.text("dir", null) == null
            ? Files.createTempDirectory("liaison-bench-durability")
            : Files.createDirectories(Path.of(a.text("dir", null)));
    Machine.printHeader("durability", argv);
    say("working directory " + dir + " (node logs: */node-*.log)");
    Rounds r = new Rounds();
    if (parts.contains("fsync")) {
      fsync(
          dir.resolve("fsync"),
          r,
          rounds,
          a.integer("clients", 8),
          Duration.ofSeconds(a.integer("warmup", 3)),
          Duration.ofSeconds(a.integer("seconds", 10)),
          xmx);
    }
    if (parts.contains("coldstart")) {
      for (String s : a.text("sizes", "100000,300000").split(",")) {
        int n = Integer.parseInt(s.trim());
        coldStart(
            dir.resolve("n" + n),
            n,
            rounds,
            a.text("join", "full").equals("full"),
            xmx,
            Duration.ofMinutes(a.integer("indexWaitMinutes", 20)),
            r);
      }
    }
    say("load average at end: " + Machine.loadAverage());
    System.out.println();
    System.out.println("## Summary (median and best of " + rounds + " rounds; ms, or ops/s)");
    System.out.println(r.table());
  }

  private static void fsync(
      Path dir, Rounds r, int rounds, int clients, Duration warmup, Duration measure, String xmx)
      throws Exception {
    say("== fsync on the post path");
    BenchCluster c = new BenchCluster(Files.createDirectories(dir), 3);
    List<NodeHandle> nodes = startAll(c, dir, xmx, r, "empty store", false);
    int[] ports = nodes.stream().mapToInt(NodeHandle::httpPort).toArray();
    try (HttpLoad http = new HttpLoad(clients * 3);
        SqliteBaseline raw = new SqliteBaseline(dir.resolve("raw-sqlite.db"))) {
      for (int i = 0; i < ports.length; i++) {
        http.login(ports[i], c.officer(i), BenchCluster.OFFICER_PASSWORD);
      }
      Thread.sleep(5_000);
      double rest = CpuMeter.idleFor(nodes, 10);
      CpuMeter.idle(rest);
      say("at rest for 10 s: the 3 nodes used %.0f ms CPU per second together".formatted(rest));
      say("warm-up (JIT of 3 JVMs on a shared machine): posts on all nodes, 30 s");
      http.posts(
          ports, new int[] {clients, clients, clients}, Duration.ZERO, Duration.ofSeconds(30));
      say(
          "10 s without load after the warm-up: %.0f ms CPU per second (includes queued work)"
              .formatted(CpuMeter.idleFor(nodes, 10)));
      for (int round = 1; round <= rounds; round++) {
        for (String mode : MODES) {
          say(
              "round %d/%d, synchronous=%s, load average %s"
                  .formatted(round, rounds, mode, Machine.loadAverage()));
          for (NodeHandle n : nodes) {
            n.call("sync " + mode, CMD);
          }
          Histogram h = raw.run(mode, 3);
          double rate = h.getTotalCount() / 3.0;
          say(
              "  raw SQLite insert+commit 1 KiB, WAL, synchronous=%s: %s, %.0f commits/s"
                  .formatted(mode, Lat.summary(h), rate));
          r.low("raw SQLite commit " + mode + " p50", Lat.ms(h, 50));
          r.low("raw SQLite commit " + mode + " p99", Lat.ms(h, 99));
          r.high("raw SQLite commit " + mode + " commits/s", rate);
          posts(
              http,
              nodes,
              r,
              mode + ": post, node 0 only, 1 client",
              new int[] {ports[0]},
              new int[] {1},
              warmup,
              measure);
          posts(
              http,
              nodes,
              r,
              mode + ": post, 3 nodes × " + clients + " clients",
              ports,
              new int[] {clients, clients, clients},
              warmup,
              measure);
        }
      }
      for (NodeHandle n : nodes) {
        n.call("sync FULL", CMD);
      }
    } finally {
      stopAll(nodes);
    }
  }

  private static void posts(
      HttpLoad http,
      List<NodeHandle> nodes,
      Rounds r,
      String name,
      int[] ports,
      int[] clients,
      Duration warmup,
      Duration measure)
      throws InterruptedException {
    CpuMeter cpu = CpuMeter.start(nodes);
    List<HttpLoad.Stats> st = http.posts(ports, clients, warmup, measure);
    long answered = st.stream().mapToLong(s -> s.answered).sum();
    double cpuPer = (double) cpu.nodesMillis() / answered;
    double netPer = cpu.netPer(answered);
    Histogram all = Lat.histogram();
    double total = 0;
    long failed = 0;
    for (HttpLoad.Stats s : st) {
      all.add(s.latency);
      total += s.rate();
      failed += s.failed;
    }
    say(
        "  %s: %s, %.0f posts/s per node, cluster CPU %.2f ms per post (%.2f net of the idle burn)%s"
            .formatted(
                name,
                Lat.summary(all),
                total / st.size(),
                cpuPer,
                netPer,
                failed == 0 ? "" : ", FAILED " + failed + " first: " + st.get(0).firstError));
    r.low(name + " p50", Lat.ms(all, 50));
    r.low(name + " p99", Lat.ms(all, 99));
    r.high(name + " posts/s per node", total / st.size());
    r.low(name + " cluster CPU ms/post", cpuPer);
    r.low(name + " cluster CPU ms/post net of idle", netPer);
  }

  private static void coldStart(
      Path dir, int n, int rounds, boolean joinFull, String xmx, Duration indexWait, Rounds r)
      throws Exception {
    say("== cold start with %d stored records".formatted(n));
    BenchCluster c = new BenchCluster(Files.createDirectories(dir), 3);
    long t0 = System.nanoTime();
    StoreFiller.fill(c, n, p -> say("  fill: " + p));
    double fillSec = (System.nanoTime() - t0) / 1e9;
    long bytes = 0;
    for (int i = 0; i < c.size(); i++) {
      for (String suffix : new String[] {"", "-wal"}) {
        Path f = Path.of(c.storeFile(i) + suffix);
        bytes += Files.exists(f) ? Files.size(f) : 0;
      }
    }
    say(
        "  filled 3 stores with %d signed records each in %.0f s (%.0f records/s per store), %d MB per store"
            .formatted(n, fillSec, n / fillSec, bytes / 3 / 1_000_000));
    // sequence 1 is the first start after the fill: no search index on disk yet, each node builds
    // it in the background after it is ready; the bench waits for that, so that later sequences
    // measure a restart with the index in place (the normal case)
    for (int round = 1; round <= Math.max(2, rounds); round++) {
      String label = "n=" + n + (round == 1 ? ", first start (no index yet)" : ", restart");
      say(
          "  start sequence %d/%d (%s), load average %s"
              .formatted(round, Math.max(2, rounds), label, Machine.loadAverage()));
      List<NodeHandle> nodes = startAll(c, dir, xmx, r, label, joinFull);
      try {
        // ready comes before the put-back of what the grid lacks (in the background): report
        // when each node had put back its share, from its own log line
        for (NodeHandle h : nodes) {
          String line = h.awaitKept("grid restored", Duration.ofMinutes(60));
          Matcher m = LOG_TIME.matcher(line);
          long ms =
              m.find()
                  ? Duration.between(h.launchedAt(), OffsetDateTime.parse(m.group(1))).toMillis()
                  : -1;
          say(
              "  %s %s: grid restored %d ms after launch (%s)"
                  .formatted(label, h.name(), ms, tail(line)));
          r.low(label + ": " + h.name() + " grid restored after launch, ms", ms);
        }
        for (NodeHandle h : nodes) {
          JsonNode cnt = h.call("count", CMD);
          long records = cnt.get("records").asLong();
          long quarantined = cnt.get("quarantined").asLong();
          if (records != n || quarantined != 0) {
            say(
                "  !! %s holds %d records (expected %d), %d quarantined"
                    .formatted(h.name(), records, n, quarantined));
          }
        }
        if (round == 1) {
          long deadline = System.nanoTime() + indexWait.toNanos();
          for (NodeHandle h : nodes) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            try {
              String line = h.awaitKept("search index rebuilt", left);
              say("  %s built its search index after ready: %s".formatted(h.name(), tail(line)));
            } catch (IllegalStateException e) {
              say(
                  "  !! %s had not finished its search index within %d min; the restart catches up"
                      .formatted(h.name(), indexWait.toMinutes()));
            }
          }
        }
      } finally {
        stopAll(nodes);
      }
      for (NodeHandle h : nodes) {
        say("  %s stopped in %d ms".formatted(h.name(), h.stopMillis()));
      }
    }
  }

  private static String tail(String logLine) {
    int i = logLine.indexOf(" - ");
    return i < 0 ? logLine : logLine.substring(i + 3);
  }

  /**
   * Starts the three nodes one after another and records how long each took to be ready; with
   * {@code joinFull}, each after the one before has put back what the grid lacked (a node joining a
   * running cluster whose grid is whole), else as soon as it is ready (joining a grid that is still
   * being refilled).
   */
  private static List<NodeHandle> startAll(
      BenchCluster c, Path dir, String xmx, Rounds r, String label, boolean joinFull)
      throws Exception {
    List<NodeHandle> nodes = new ArrayList<>();
    String joins = joinFull ? "joins, grid full" : "joins, grid being refilled";
    String[] role = {
      "node 0 (alone, grid empty)", "node 1 (" + joins + ")", "node 2 (" + joins + ")"
    };
    for (int i = 0; i < c.size(); i++) {
      NodeHandle h =
          NodeHandle.launch(
              "node" + i,
              c.config(i),
              dir.resolve("node-" + i + ".log"),
              xmx,
              "trust loaded|store opened|reconcil(ed|ing) (leads|map=liaison\\.leads)|node ready"
                  + "|grid restored|search index (rebuilt|opened|needs)");
      nodes.add(h);
      NodeHandle.Ready ready = h.awaitReady(Duration.ofMinutes(60));
      say(
          "  %s %s: ready %d ms after launch (%d ms after LiaisonNode.start); %s"
              .formatted(
                  label, role[i], ready.wallMillis(), ready.startMillis(), phases(h.kept())));
      r.low(label + ": " + role[i] + " ready after launch, ms", ready.wallMillis());
      if (joinFull) {
        h.awaitKept("grid restored", Duration.ofMinutes(60));
      }
    }
    return nodes;
  }

  /** Where the start-up time went, from the node's own log lines. */
  static String phases(List<String> lines) {
    OffsetDateTime trust = null;
    OffsetDateTime opened = null;
    OffsetDateTime ready = null;
    String reconciled = "no reconciliation line";
    String takenIn = "";
    for (String l : lines) {
      Matcher m = LOG_TIME.matcher(l);
      OffsetDateTime at = m.find() ? OffsetDateTime.parse(m.group(1)) : null;
      if (l.contains("trust loaded")) {
        trust = at;
      } else if (l.contains("store opened")) {
        opened = at;
      } else if (l.contains("node ready")) {
        ready = at;
      }
      Matcher tm = TAKEN_IN.matcher(l);
      if (tm.find()) {
        takenIn = "taken in " + tm.group(2) + " ms (" + tm.group(1) + ")" + tm.group(3);
      }
      Matcher rm = RECONCILED.matcher(l);
      if (rm.find()) {
        reconciled = "reconcile " + rm.group(2) + " ms (" + rm.group(1) + ")";
      }
    }
    String open =
        trust != null && opened != null
            ? "store open " + Duration.between(trust, opened).toMillis() + " ms"
            : "";
    String total =
        opened != null && ready != null
            ? "store opened → ready " + Duration.between(opened, ready).toMillis() + " ms"
            : "";
    return String.join("; ", List.of(open, total, takenIn, reconciled));
  }

  private static void stopAll(List<NodeHandle> nodes) throws InterruptedException {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }

  static void say(String s) {
    System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + s);
    System.out.flush();
  }
}
