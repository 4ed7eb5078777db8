package io.liaison.bench.durability;

import static io.liaison.bench.durability.DurabilityBench.say;

import io.liaison.bench.Args;
import io.liaison.bench.BenchCluster;
import io.liaison.bench.HttpLoad;
import io.liaison.bench.Machine;
import io.liaison.bench.NodeHandle;
import io.liaison.bench.Rounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Ready after kill -9 (issue 32): one node whose store holds {@code n} real signed lead records is
 * killed with SIGKILL under a post load and started again, alternately on the checkpoint path (the
 * node's default: the main file unchanged since its last checkpoint is not read in full) and with
 * the full check forced ({@code -Dliaison.store.check=always}), in the same run. Before each kill
 * the bench waits for the background check of the previous fast start to pass (until then a crash
 * is checked in full). Ready = {@code LiaisonNode.start} complete and the node ready, from the
 * JVM's launch.
 *
 * <p>Arguments ({@code key=value}): n (300000), rounds (2), clients (4), loadSeconds (8, the kill
 * comes at half of it), xmx (2g), dir (a new temporary directory), coldCache (false: true drops the
 * store file's pages from the page cache before each restart, {@code posix_fadvise(DONTNEED)}
 * through python3 — that file only, as after a power loss; nothing else on the machine is evicted).
 */
public final class CrashBench {
  private static final String KEEP =
      "trust loaded|store opened|integrity check|node ready|grid restored|search index (rebuilt"
          + "|opened|needs)|reconcil(ed|ing) (leads|map=liaison\\.leads)";

  private CrashBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int n = a.integer("n", 300_000);
    int rounds = a.integer("rounds", 2);
    int clients = a.integer("clients", 4);
    int loadSeconds = a.integer("loadSeconds", 8);
    String xmx = a.text("xmx", "2g");
    boolean coldCache = Boolean.parseBoolean(a.text("coldCache", "false"));
    Path dir =
        a.text("dir", null) == null
            ? Files.createTempDirectory("liaison-bench-crash")
            : Files.createDirectories(Path.of(a.text("dir", null)));
    Machine.printHeader("crash", argv);
    say("working directory " + dir + " (node log: node-0.log)");
    // two bureaus so that the records are posted and claimed across bureaus; only node 0 runs
    BenchCluster c = new BenchCluster(dir, 2);
    long t0 = System.nanoTime();
    StoreFiller.fill(c, n, 1, p -> say("  fill: " + p));
    say(
        "filled the store with %d signed records in %.0f s, %d MB"
            .formatted(n, (System.nanoTime() - t0) / 1e9, Files.size(c.storeFile(0)) / 1_000_000));
    Rounds r = new Rounds();
    Path log = dir.resolve("node-0.log");
    // first start (closed cleanly by the fill): builds the search index; wait for it, so that the
    // restarts measure a node with its index in place
    NodeHandle node = NodeHandle.launch("node0", c.config(0), log, xmx, KEEP);
    NodeHandle.Ready ready = node.awaitReady(Duration.ofMinutes(60));
    say("first start: ready %d ms after launch".formatted(ready.wallMillis()));
    say("  " + node.awaitKept("search index rebuilt", Duration.ofMinutes(30)));
    try (HttpLoad http = new HttpLoad(clients)) {
      for (int round = 1; round <= rounds; round++) {
        for (boolean forced : new boolean[] {false, true}) {
          String label = forced ? "full check forced" : "checkpoint path";
          http.login(node.httpPort(), c.officer(0), BenchCluster.OFFICER_PASSWORD);
          if (node.kept().stream().anyMatch(l -> l.contains("full check in the background"))) {
            say("  " + node.awaitKept("store full integrity check passed", Duration.ofMinutes(30)));
          }
          long before = node.call("count", Duration.ofMinutes(5)).get("records").asLong();
          int port = node.httpPort();
          CompletableFuture<List<HttpLoad.Stats>> load =
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return http.posts(
                          new int[] {port},
                          new int[] {clients},
                          Duration.ZERO,
                          Duration.ofSeconds(loadSeconds));
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          Thread.sleep(loadSeconds * 500L);
          String load1 = Machine.loadAverage();
          node.kill();
          long acked = load.get().get(0).answered;
          say(
              "round %d, %s: killed under load (%d posts acknowledged), load average %s"
                  .formatted(round, label, acked, load1));
          if (coldCache) {
            evict(c.storeFile(0));
          }
          node =
              NodeHandle.launch(
                  "node0",
                  c.config(0),
                  log,
                  xmx,
                  KEEP,
                  forced ? List.of("-Dliaison.store.check=always") : List.of());
          ready = node.awaitReady(Duration.ofMinutes(60));
          String opened =
              node.kept().stream()
                  .filter(l -> l.contains("store opened"))
                  .reduce((x, y) -> y)
                  .orElse("");
          String check = opened.replaceAll(".*check=(\\S+).*", "$1");
          long after = node.call("count", Duration.ofMinutes(5)).get("records").asLong();
          say(
              "  restarted: ready %d ms after launch, store check=%s; %s; records %d (before the"
                      .formatted(
                          ready.wallMillis(), check, DurabilityBench.phases(node.kept()), after)
                  + " load %d + %d acknowledged%s)"
                      .formatted(before, acked, after >= before + acked ? "" : " — LOST SOME"));
          r.low(label + ": ready after kill -9, ms", ready.wallMillis());
          r.low(label + ": store open (trust loaded → store opened), ms", storeOpen(node.kept()));
        }
      }
    } finally {
      node.close();
    }
    say("load average at end: " + Machine.loadAverage());
    if (coldCache) {
      System.out.println("(store file evicted from the page cache before each restart)");
    }
    System.out.println();
    System.out.println("## Summary, n=" + n + " (median and best of " + rounds + " rounds; ms)");
    System.out.println(r.table());
  }

  /** Drops {@code file}'s clean pages from the page cache (after kill -9 they are all clean). */
  private static void evict(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                "import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY);"
                    + " os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)",
                file.toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("could not evict " + file + " from the page cache");
    }
  }

  /** Milliseconds from the {@code trust loaded} to the {@code store opened} log line. */
  private static long storeOpen(List<String> lines) {
    java.time.OffsetDateTime trust = null;
    for (String l : lines) {
      java.time.OffsetDateTime at;
      try {
        at = java.time.OffsetDateTime.parse(l.substring(0, Math.max(0, l.indexOf(' '))));
      } catch (java.time.DateTimeException e) {
        continue; // not a log line of the node's own format
      }
      if (l.contains("trust loaded")) {
        trust = at;
      } else if (l.contains("store opened") && trust != null) {
        return Duration.between(trust, at).toMillis();
      }
    }
    return -1;
  }
}
