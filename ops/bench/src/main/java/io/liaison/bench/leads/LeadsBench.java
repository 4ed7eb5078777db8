package io.liaison.bench.leads;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Leads on a 3-node loopback cluster (each node its own JVM): raw Hazelcast baseline on the nodes'
 * own members, HTTP post latency and throughput, contended claims; in interleaved rounds.
 *
 * <p>Arguments ({@code key=value}): rounds (3), clients per node (8), seconds per measured post
 * phase (15), warmup seconds (5), leads raced per round (150), claimers per node per lead (4),
 * leads raced at a time (4), xmx of each node (768m), dir (a new temporary directory), parts to run
 * each round (baseline,posts,claims).
 *
 * <p>Why over 400 lines: a benchmark kept as one readable script (start the nodes, baseline, posts,
 * claims, report), with its rounds interleaved in one place.
 */
public final class LeadsBench {
  private static final Duration CMD = Duration.ofMinutes(5);

  private LeadsBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int rounds = a.integer("rounds", 3);
    int clients = a.integer("clients", 8);
    Duration measure = Duration.ofSeconds(a.integer("seconds", 15));
    Duration warmup = Duration.ofSeconds(a.integer("warmup", 5));
    int leadsPerRound = a.integer("leads", 150);
    int claimers = a.integer("claimers", 4);
    int window = a.integer("window", 4);
    String xmx = a.text("xmx", "768m");
    List<String> parts = Arrays.asList(a.text("parts", "baseline,posts,claims").split(","));
    int prewarm = a.integer("prewarm", 30);
    int claimWarm = a.integer("claimwarm", leadsPerRound);
    Path dir =
        a.text("dir", null) == null
            ? Files.createTempDirectory("liaison-bench-leads")
            : Files.createDirectories(Path.of(a.text("dir", null)));
    Machine.printHeader("leads", argv);
    say("cluster directory " + dir + " (node logs: node-*.log)");

    BenchCluster cluster = new BenchCluster(dir, 3);
    List<NodeHandle> nodes = new ArrayList<>();
    try (HttpLoad http = new HttpLoad(Math.max(clients * 3, claimers * window))) {
      for (int i = 0; i < 3; i++) {
        NodeHandle n =
            NodeHandle.launch(
                "node" + i, cluster.config(i), dir.resolve("node-" + i + ".log"), xmx, null);
        nodes.add(n);
        NodeHandle.Ready r = n.awaitReady(Duration.ofMinutes(5));
        say(
            "node %d (%s, pid %d) ready: http port %d, %d ms from launch"
                .formatted(i, cluster.bureau(i), n.pid(), r.httpPort(), r.wallMillis()));
      }
      int[] ports = nodes.stream().mapToInt(NodeHandle::httpPort).toArray();
      for (int i = 0; i < ports.length; i++) {
        http.login(ports[i], cluster.officer(i), BenchCluster.OFFICER_PASSWORD);
      }

      Thread.sleep(5_000);
      double rest = CpuMeter.idleFor(nodes, 10);
      CpuMeter.idle(rest);
      say("at rest for 10 s: the 3 nodes used %.0f ms CPU per second together".formatted(rest));
      say(
          "warm-up (JIT of 3 JVMs on a shared machine): posts on all nodes, %d clients each, %d s; raw IMap.set 5 s"
              .formatted(clients, prewarm));
      http.posts(ports, fill(3, clients), Duration.ZERO, Duration.ofSeconds(prewarm));
      nodes.get(0).call("hzset bench.set 5 1 1024", CMD);
      if (parts.contains("claims")) {
        say("warm-up: contended claims on %d leads (not measured)".formatted(claimWarm));
        for (int done = 0; done < claimWarm; done += leadsPerRound) {
          int n = Math.min(leadsPerRound, claimWarm - done);
          ClaimRace.run(http, ports, postAndSpread(http, ports, n), claimers, window);
        }
      }

      Rounds r = new Rounds();
      double after = CpuMeter.idleFor(nodes, 10);
      say(
          ("10 s without load after the warm-up: %.0f ms CPU per second (the at-rest burn plus work"
                  + " still queued by the warm-up's posts, e.g. indexing)")
              .formatted(after));
      r.low("at rest: CPU ms per second, 3 nodes", rest);
      r.low("after warm-up, no load: CPU ms per second, 3 nodes", after);
      for (int round = 1; round <= rounds; round++) {
        say("round %d/%d, load average %s".formatted(round, rounds, Machine.loadAverage()));
        if (parts.contains("baseline")) {
          quiet(nodes, "the raw Hazelcast baseline");
          baseline(nodes, r);
        }
        if (parts.contains("posts")) {
          postPhases(http, nodes, r, ports, clients, warmup, measure);
        }
        if (parts.contains("claims")) {
          claimPhase(http, nodes, r, ports, leadsPerRound, claimers, window, round);
        }
      }
      say("load average at end: " + Machine.loadAverage());
      consistency(nodes);
      System.out.println();
      System.out.println("## Summary (median and best of " + rounds + " rounds; ms, or ops/s)");
      System.out.println(r.table());
      ratios(r, clients);
    } finally {
      for (NodeHandle n : nodes) {
        n.close();
      }
    }
  }

  private static void postPhases(
      HttpLoad http,
      List<NodeHandle> nodes,
      Rounds r,
      int[] ports,
      int clients,
      Duration warmup,
      Duration measure)
      throws Exception {
    postPhase(
        http,
        nodes,
        r,
        "post, node 0 only, 1 client",
        new int[] {ports[0]},
        new int[] {1},
        warmup,
        measure);
    postPhase(
        http,
        nodes,
        r,
        "post, node 0 only, %d clients".formatted(clients),
        new int[] {ports[0]},
        new int[] {clients},
        warmup,
        measure);
    postPhase(
        http,
        nodes,
        r,
        "post, 3 nodes × %d clients".formatted(clients),
        ports,
        fill(3, clients),
        warmup,
        measure);
  }

  /** Waits (up to 60 s) until the nodes are done with what the previous phase left them. */
  private static void quiet(List<NodeHandle> nodes, String before) throws InterruptedException {
    double waited = CpuMeter.awaitQuiet(nodes, 60);
    if (waited > 2.5) {
      say(
          "  (waited %.0f s for the nodes to finish earlier work before: %s)"
              .formatted(waited, before));
    }
  }

  /** Posts {@code leads} leads round the nodes and waits until every node holds every one. */
  private static List<ClaimRace.Target> postAndSpread(HttpLoad http, int[] ports, int leads)
      throws Exception {
    List<ClaimRace.Target> targets = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      int origin = i % ports.length;
      targets.add(new ClaimRace.Target(http.postOne(ports[origin]), origin));
    }
    // claims happen after a lead has reached the claiming bureaus; wait for that
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (ClaimRace.Target t : targets) {
      for (int n = 0; n < ports.length; n++) {
        while (http.lead(ports[n], t.id()) == null) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("lead " + t.id() + " did not reach node " + n);
          }
          Thread.sleep(5);
        }
      }
    }
    return targets;
  }

  private static void baseline(List<NodeHandle> nodes, Rounds r) throws Exception {
    for (int threads : new int[] {1, 4}) {
      CpuMeter cpu = CpuMeter.start(nodes);
      JsonNode s = nodes.get(0).call("hzset bench.set 5 " + threads + " 1024", CMD);
      Histogram h = Lat.decode(s.get("hist").asText());
      double rate = s.get("count").asLong() / s.get("seconds").asDouble();
      double cpuPer = (double) cpu.nodesMillis() / s.get("count").asLong();
      say(
          "  raw IMap.set 1 KiB, %d thread(s) on member 0: %s, %.0f/s, cluster CPU %.3f ms per set"
              .formatted(threads, Lat.summary(h), rate, cpuPer));
      r.low("raw IMap.set %dt cluster CPU ms/op".formatted(threads), cpuPer);
      r.low("raw IMap.set %dt p50".formatted(threads), Lat.ms(h, 50));
      r.low("raw IMap.set %dt p99".formatted(threads), Lat.ms(h, 99));
      r.high("raw IMap.set %dt ops/s".formatted(threads), rate);
    }
    int keys = 2000;
    nodes.get(0).call("hzprep bench.claim " + keys + " 1024", CMD);
    long startAt = System.currentTimeMillis() + 500;
    CpuMeter cpu = CpuMeter.start(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).send("hzclaim bench.claim " + keys + " 3 m" + i + " " + startAt);
    }
    Histogram all = Lat.histogram();
    long wins = 0;
    for (NodeHandle n : nodes) {
      JsonNode c = n.await(CMD);
      all.add(Lat.decode(c.get("hist").asText()));
      wins += c.get("wins").asLong();
    }
    double cpuPer = (double) cpu.nodesMillis() / all.getTotalCount();
    long unclaimed =
        nodes.get(1).call("hzowners bench.claim " + keys, CMD).get("unclaimed").asLong();
    say(
        "  raw entry-processor claim, %d keys × 9 racers (3 threads on each of 3 members): %s; winners %d for %d keys, unclaimed %d; cluster CPU %.3f ms per claim"
            .formatted(keys, Lat.summary(all), wins, keys, unclaimed, cpuPer));
    if (wins != keys || unclaimed != 0) {
      say("  !! raw claim race: expected exactly one winner per key");
    }
    r.low("raw EP claim p50", Lat.ms(all, 50));
    r.low("raw EP claim p99", Lat.ms(all, 99));
    r.low("raw EP claim cluster CPU ms/op", cpuPer);
  }

  private static void postPhase(
      HttpLoad http,
      List<NodeHandle> nodes,
      Rounds r,
      String name,
      int[] ports,
      int[] clients,
      Duration warmup,
      Duration measure)
      throws InterruptedException {
    quiet(nodes, name);
    CpuMeter cpu = CpuMeter.start(nodes);
    List<HttpLoad.Stats> st = http.posts(ports, clients, warmup, measure);
    long answered = st.stream().mapToLong(s -> s.answered).sum();
    double cpuPer = (double) cpu.nodesMillis() / answered;
    double netPer = cpu.netPer(answered);
    double driverPer = (double) cpu.driverMillis() / answered;
    double jitPer = (double) cpu.jitMillis() / answered;
    Histogram all = Lat.histogram();
    double total = 0;
    long failed = 0;
    for (int i = 0; i < st.size(); i++) {
      HttpLoad.Stats s = st.get(i);
      all.add(s.latency);
      total += s.rate();
      failed += s.failed;
      say(
          "  %s — node %d: %s, %.0f posts/s%s"
              .formatted(
                  name,
                  i,
                  Lat.summary(s.latency),
                  s.rate(),
                  s.failed == 0
                      ? ""
                      : ", FAILED " + s.failed + " " + s.statuses + " first: " + s.firstError));
    }
    say(
        "  %s — CPU per post: cluster %.2f ms, %.2f ms net of the idle burn, of which the JIT compiler threads %.2f ms (node 0 %.2f, node 1 %.2f, node 2 %.2f), load generator %.2f ms"
            .formatted(
                name,
                cpuPer,
                netPer,
                jitPer,
                (double) cpu.nodeMillis(0) / answered,
                (double) cpu.nodeMillis(1) / answered,
                (double) cpu.nodeMillis(2) / answered,
                driverPer));
    r.low(name + " p50", Lat.ms(all, 50));
    r.low(name + " p99", Lat.ms(all, 99));
    r.high(name + " posts/s per node", total / st.size());
    r.low(name + " cluster CPU ms/post", cpuPer);
    r.low(name + " cluster CPU ms/post net of idle", netPer);
    r.low(name + " cluster CPU ms/post, JIT compiler threads", jitPer);
    if (st.size() > 1) {
      r.high(name + " posts/s cluster", total);
    }
    if (failed > 0) {
      r.high(name + " failed", failed);
    }
  }

  private static void claimPhase(
      HttpLoad http,
      List<NodeHandle> nodes,
      Rounds r,
      int[] ports,
      int leads,
      int claimers,
      int window,
      int round)
      throws Exception {
    quiet(nodes, "claims");
    List<ClaimRace.Target> targets = postAndSpread(http, ports, leads);
    quiet(nodes, "claims, once the leads are indexed");
    CpuMeter cpu = CpuMeter.start(nodes);
    ClaimRace.Result c = ClaimRace.run(http, ports, targets, claimers, window);
    double cpuPer = (double) cpu.nodesMillis() / c.all.getTotalCount();
    double netPer = cpu.netPer(c.all.getTotalCount());
    double jitPer = (double) cpu.jitMillis() / c.all.getTotalCount();
    say(
        "  claims: %d leads × %d claimers (%d on each of the 2 non-origin nodes), %d leads at a time: all %s; winners %s; losers %s; %.0f claims/s; statuses %s; exactly one winner: %d, none: %d, several: %d%s"
            .formatted(
                leads,
                claimers * 2,
                claimers,
                window,
                Lat.summary(c.all),
                Lat.summary(c.won),
                Lat.summary(c.lost),
                c.rate(),
                c.statuses,
                c.exactlyOne,
                c.noWinner,
                c.manyWinners,
                c.firstUnexpected == null ? "" : "; first unexpected: " + c.firstUnexpected));
    r.low("claim (all) p50", Lat.ms(c.all, 50));
    r.low("claim (all) p99", Lat.ms(c.all, 99));
    r.low("claim (winner) p99", Lat.ms(c.won, 99));
    r.high("claim requests/s", c.rate());
    r.low("claim cluster CPU ms/request", cpuPer);
    r.low("claim cluster CPU ms/request net of idle", netPer);
    r.low("claim cluster CPU ms/request, JIT compiler threads", jitPer);
    say(
        "  claims — cluster CPU %.2f ms per claim request, %.2f ms net of the idle burn, of which the JIT compiler threads %.2f ms"
            .formatted(cpuPer, netPer, jitPer));
    if (c.noWinner + c.manyWinners > 0) {
      r.high("claim leads without exactly one winner", c.noWinner + c.manyWinners);
    }
    ownersAgree(http, ports, targets);
  }

  private static void ownersAgree(HttpLoad http, int[] ports, List<ClaimRace.Target> targets)
      throws Exception {
    int disagree = 0;
    for (ClaimRace.Target t : targets) {
      String first = null;
      for (int n = 0; n < ports.length; n++) {
        JsonNode l = null;
        for (int k = 0;
            k < 200 && (l == null || !l.at("/status/state").asText().equals("CLAIMED"));
            k++) {
          l = http.lead(ports[n], t.id());
          if (l == null || !l.at("/status/state").asText().equals("CLAIMED")) {
            Thread.sleep(10);
          }
        }
        String owner =
            l == null
                ? "none"
                : l.at("/status/owner").asText() + "@v" + l.at("/status/version").asText();
        if (first == null) {
          first = owner;
        } else if (!first.equals(owner)) {
          disagree++;
        }
      }
    }
    say("  claimed leads whose owner differs between nodes: " + disagree + " of " + targets.size());
  }

  private static void consistency(List<NodeHandle> nodes) throws Exception {
    List<String> counts = new ArrayList<>();
    for (NodeHandle n : nodes) {
      JsonNode c = n.call("count", CMD);
      counts.add(
          n.name()
              + ": "
              + c.get("records").asLong()
              + " records, "
              + c.get("quarantined").asLong()
              + " quarantined");
    }
    say("stores at the end: " + String.join("; ", counts));
  }

  private static void ratios(Rounds r, int clients) {
    System.out.println("## Against the raw Hazelcast baseline of the same run (medians)");
    ratio(
        r,
        "post 1 client p50 / raw IMap.set 1t p50",
        "post, node 0 only, 1 client p50",
        "raw IMap.set 1t p50");
    ratio(
        r,
        "post 1 client p99 / raw IMap.set 1t p99",
        "post, node 0 only, 1 client p99",
        "raw IMap.set 1t p99");
    ratio(
        r,
        "raw IMap.set 4t ops/s / posts/s (node 0 only, %d clients)".formatted(clients),
        "raw IMap.set 4t ops/s",
        "post, node 0 only, %d clients posts/s per node".formatted(clients));
    ratio(r, "claim (all) p50 / raw EP claim p50", "claim (all) p50", "raw EP claim p50");
    ratio(r, "claim (all) p99 / raw EP claim p99", "claim (all) p99", "raw EP claim p99");
  }

  private static void ratio(Rounds r, String label, String num, String den) {
    if (r.has(num) && r.has(den)) {
      System.out.printf(
          "- %s = %s / %s = ×%s%n",
          label, Lat.f(r.median(num)), Lat.f(r.median(den)), Lat.f(r.median(num) / r.median(den)));
    }
  }

  private static int[] fill(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  static void say(String s) {
    System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + s);
    System.out.flush();
  }
}
