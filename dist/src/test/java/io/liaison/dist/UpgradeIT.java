package io.liaison.dist;

import static io.liaison.dist.ReleaseKit.JSON;
import static io.liaison.dist.ReleaseKit.await;
import static io.liaison.dist.ReleaseKit.editSample;
import static io.liaison.dist.ReleaseKit.freePort;
import static io.liaison.dist.ReleaseKit.get;
import static io.liaison.dist.ReleaseKit.json;
import static io.liaison.dist.ReleaseKit.login;
import static io.liaison.dist.ReleaseKit.post;
import static io.liaison.dist.ReleaseKit.run;
import static io.liaison.dist.ReleaseKit.startNode;
import static io.liaison.dist.ReleaseKit.status;
import static io.liaison.dist.ReleaseKit.unpack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BuildInfo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling upgrade of docs/operations.md §1 with two real builds: the previous release built
 * from its git tag ({@link PreviousRelease}) and this build's tarball. Three nodes start from the
 * previous release, configured from its sample as §2 says; a client posts leads and has two bureaus
 * claim each one at once for the whole test; the nodes are upgraded one at a time exactly as the
 * guide says (stop, move the {@code liaison} link to the new release, start on the same
 * configuration and data folder). After each step, and at the end: every accepted lead is on every
 * node with the same status and history and a verified proof, every claim race had exactly one
 * winner, no node quarantined anything (values written by either build verify on both), and the
 * upgraded node names the new build while the others name the old.
 */
class UpgradeIT {
  private static final List<String> CODES = List.of("150924", "150981", "140222");

  /** The client's pause between rounds: a steady trickle, not a load test. */
  private static final long ROUND_MILLIS = 300;

  private static final Pattern QUARANTINED =
      Pattern.compile("^liaison_quarantined_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

  @TempDir Path tmp;
  private final List<Process> nodes = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final Set<Integer> down = new CopyOnWriteArraySet<>();
  private final ReentrantLock round = new ReentrantLock();

  /** Accepted leads: id → the bureau whose claim won (null until the race is decided). */
  private final Map<String, String> winners = new ConcurrentHashMap<>();

  private final Map<String, Integer> postedOn = new ConcurrentHashMap<>();
  private final List<String> faults = new CopyOnWriteArrayList<>();
  private final List<Integer> rounds = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Process p : nodes) {
      if (p != null) {
        p.destroy();
      }
    }
    for (Process p : nodes) {
      if (p != null && !p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aRegionUpgradedOneNodeAtATimeLosesNothingAndVerifiesBothBuildsValues() throws Exception {
    long t0 = System.nanoTime();
    String tag = System.getProperty("liaison.previous.release");
    assertThat(tag).as("liaison.previous.release (dist/pom.xml)").isNotBlank();
    Path repo = Path.of(System.getProperty("liaison.repo.root"));
    Path work = Path.of(System.getProperty("liaison.previous.work"));
    Path previousTarball =
        PreviousRelease.tarball(
            repo, tag, System.getProperty("liaison.previous.release.commit"), work);
    long tBuilt = System.nanoTime();

    // both releases unpacked side by side, as on a bureau's machine (/opt/liaison-<version>)
    Path previous = unpack(previousTarball, tmp.resolve("opt-previous"));
    Path current =
        unpack(Path.of(System.getProperty("liaison.dist.tarball")), tmp.resolve("opt-current"));
    String oldCommit = commitOf(run(previous, "bin/liaison-node", "--version"));
    String newCommit = BuildInfo.current().commit();
    assertThat(oldCommit)
        .as("the previous release %s must be another build than this one", tag)
        .isNotEqualTo(newCommit);

    Path region = tmp.resolve("region");
    run(previous, "bin/liaison-node", "demo-init", "--dir", region.toString());
    String authorityPub = Files.readString(region.resolve("authority.pub")).trim();
    String clusterName = "upgrade-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    String scrapeSecret = Long.toHexString(ThreadLocalRandom.current().nextLong()).repeat(4);
    List<Integer> httpPorts = new ArrayList<>();
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < CODES.size(); i++) {
      httpPorts.add(freePort());
      clusterPorts.add(freePort());
    }
    List<Path> configs = new ArrayList<>();
    for (int i = 0; i < CODES.size(); i++) {
      Path bureau = region.resolve(CODES.get(i));
      Path cfg =
          editSample(
              previous,
              region,
              CODES.get(i),
              clusterName,
              authorityPub,
              httpPorts.get(i),
              clusterPorts.get(i),
              clusterPorts);
      // Prometheus's scrape-only credential (§9), to read each node's quarantine counter
      Files.writeString(bureau.resolve("metrics.token"), scrapeSecret + "\n");
      ObjectNode edited = (ObjectNode) JSON.readTree(cfg.toFile());
      edited.withObject("/security").put("metricsTokenFile", "metrics.token");
      // one client address checks thousands of leads: above the per-officer and per-address limit
      edited.withObject("/security").put("requestsPerMinute", 100_000);
      JSON.writerWithDefaultPrettyPrinter().writeValue(cfg.toFile(), edited);
      configs.add(cfg);
      // the machine's /opt/liaison: a link to the release it runs
      Files.createSymbolicLink(bureau.resolve("liaison"), previous);
      urls.add("http://127.0.0.1:" + httpPorts.get(i));
      nodes.add(null);
    }
    for (int i = 0; i < CODES.size(); i++) {
      start(region, configs, i);
    }
    for (int i = 0; i < CODES.size(); i++) {
      awaitReady(region, i, oldCommit);
      tokens.add(login(urls.get(i), CODES.get(i) + "-001", "liaison-" + CODES.get(i)));
    }
    long tStarted = System.nanoTime();

    // the client: a round (post, then a claim race) every ROUND_MILLIS after the last one ended
    ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
    ExecutorService claimers = Executors.newFixedThreadPool(2);
    client.scheduleWithFixedDelay(() -> oneRound(claimers), 0, ROUND_MILLIS, TimeUnit.MILLISECONDS);
    try {
      awaitRounds(6, "posts and claims on the previous release");
      for (int i = 0; i < CODES.size(); i++) {
        upgrade(region, configs, i, current);
        awaitRounds(6, "posts and claims after " + CODES.get(i) + " was upgraded");
        everyLeadOnEveryNode("after " + CODES.get(i) + " was upgraded");
        for (int n = 0; n < CODES.size(); n++) {
          assertThat(commitOf(json(get(urls.get(n) + "/health/ready", null))))
              .as("the build %s runs after %d upgraded", CODES.get(n), i + 1)
              .isEqualTo(n <= i ? newCommit : oldCommit);
        }
      }
    } finally {
      client.shutdown();
      assertThat(client.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
      claimers.shutdownNow();
    }
    everyLeadOnEveryNode("at the end");
    sameAnswersEverywhere();
    for (int n = 0; n < CODES.size(); n++) {
      String metrics = get(urls.get(n) + "/metrics", scrapeSecret).body();
      assertThat(metrics).contains("liaison_build{");
      Matcher m = QUARANTINED.matcher(metrics);
      while (m.find()) {
        assertThat(Double.parseDouble(m.group(1)))
            .as("quarantined on %s: %s", CODES.get(n), m.group())
            .isZero();
      }
    }
    assertThat(faults).as("answers other than 201/200/409 or a documented 503").isEmpty();
    long tEnd = System.nanoTime();
    System.out.printf(
        "UpgradeIT: %s (%s) → %s; %d leads posted and claimed in %d rounds (%s posted on each"
            + " node); previous release built in %d s, three nodes started in %d s, upgraded"
            + " and checked in %d s, %d s in all%n",
        tag,
        oldCommit,
        newCommit,
        winners.size(),
        rounds.size(),
        postedCounts(),
        secs(t0, tBuilt),
        secs(tBuilt, tStarted),
        secs(tStarted, tEnd),
        secs(t0, tEnd));
  }

  /** The guide's upgrade of one node: stop, move the link to the new release, start, ready. */
  private void upgrade(Path region, List<Path> configs, int i, Path release) throws Exception {
    round.lock(); // the client's current round ends first: the node is taken out of its use
    try {
      down.add(i);
    } finally {
      round.unlock();
    }
    Process p = nodes.get(i);
    p.destroy(); // SIGTERM, as systemctl stop
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s stopped", CODES.get(i)).isTrue();
    Path link = region.resolve(CODES.get(i)).resolve("liaison");
    Files.delete(link);
    Files.createSymbolicLink(link, release);
    start(region, configs, i);
    awaitReady(region, i, BuildInfo.current().commit());
    down.remove(i);
  }

  private void start(Path region, List<Path> configs, int i) throws IOException {
    Path bureau = region.resolve(CODES.get(i));
    nodes.set(i, startNode(bureau.resolve("liaison"), configs.get(i), bureau, log(region, i)));
  }

  private void awaitReady(Path region, int i, String commit) throws Exception {
    String url = urls.get(i) + "/health/ready";
    await(
        "node " + CODES.get(i) + " ready (log " + log(region, i) + ")",
        Duration.ofSeconds(180),
        () -> nodes.get(i).isAlive() && status(url) == 200);
    assertThat(commitOf(json(get(url, null)))).as("%s's build", CODES.get(i)).isEqualTo(commit);
  }

  private static Path log(Path region, int i) {
    return region.resolve(CODES.get(i)).resolve("node.log");
  }

  /**
   * One round of the client: a lead posted on a node in service, claimed at once by every other
   * node in service; the set of nodes in service does not change during a round.
   */
  private void oneRound(ExecutorService claimers) {
    round.lock();
    try {
      List<Integer> up = new ArrayList<>();
      for (int n = 0; n < CODES.size(); n++) {
        if (!down.contains(n)) {
          up.add(n);
        }
      }
      int poster = up.get(ThreadLocalRandom.current().nextInt(up.size()));
      String id = postLead(poster, rounds.size());
      if (id != null) {
        claimRace(id, up.stream().filter(n -> n != poster).toList(), claimers);
      }
      rounds.add(poster);
    } catch (Exception | AssertionError e) {
      faults.add("round " + rounds.size() + " failed: " + e);
    } finally {
      round.unlock();
    }
  }

  private String postLead(int node, int seq) throws IOException {
    String officer = CODES.get(node) + "-001";
    HttpResponse<String> r =
        post(
            urls.get(node) + "/api/v1/leads",
            tokens.get(node),
            """
            {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"升级期间的线索 %d",
             "narrative":"升级期间第%d条：一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。",
             "entities":[{"type":"PLATE","value":"晋B·7%04d"}]}
            """
                .formatted(officer, seq, seq, seq % 10000));
    if (r.statusCode() == 201) {
      String id = json(r).path("id").asText();
      postedOn.put(id, node);
      return id;
    }
    if (!documented503(r)) {
      faults.add("post on " + CODES.get(node) + " → " + r.statusCode() + " " + r.body());
    }
    return null;
  }

  /** Every node in {@code others} claims {@code id} at once: exactly one wins, the rest get 409. */
  private void claimRace(String id, List<Integer> others, ExecutorService pool) throws Exception {
    for (int n : others) {
      await(
          "lead " + id + " on " + CODES.get(n),
          Duration.ofSeconds(60),
          () -> get(urls.get(n) + "/api/v1/leads/" + id, tokens.get(n)).statusCode() == 200);
    }
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int n : others) {
      answers.add(pool.submit(() -> claim(n, id)));
    }
    List<String> won = new ArrayList<>();
    for (int k = 0; k < others.size(); k++) {
      HttpResponse<String> r = answers.get(k).get(90, TimeUnit.SECONDS);
      String who = CODES.get(others.get(k));
      if (r.statusCode() == 200) {
        won.add(who);
        winners.put(id, json(r).at("/status/owner").asText());
      } else if (r.statusCode() != 409) {
        faults.add("claim of " + id + " on " + who + " → " + r.statusCode() + " " + r.body());
      }
    }
    if (won.size() != 1) {
      faults.add("claim race on " + id + " among " + others + ": winners " + won);
    }
  }

  /** A claim, retried while the node answers a documented 503 (nothing was done). */
  private HttpResponse<String> claim(int node, String id) throws Exception {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r =
          post(
              urls.get(node) + "/api/v1/leads/" + id + "/transitions",
              tokens.get(node),
              "{\"event\":\"CLAIM\",\"officer\":\"" + CODES.get(node) + "-001\"}");
      if (!documented503(r) || attempt == 20) {
        return r;
      }
      TimeUnit.MILLISECONDS.sleep(500); // Retry-After of a refused write
    }
  }

  private static boolean documented503(HttpResponse<String> r) {
    return r.statusCode() == 503
        && Set.of("no-majority", "not-ready", "overloaded", "unavailable", "grid-timeout")
            .contains(json(r).path("type").asText().replaceFirst(".*/", ""));
  }

  /** Every accepted lead on every node: claimed by its race's winner, same history, verified. */
  private void everyLeadOnEveryNode(String when) throws Exception {
    Map<String, String> expected = Map.copyOf(winners);
    assertThat(expected).as("leads accepted and claimed " + when).isNotEmpty();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String id = e.getKey();
      JsonNode first = null;
      for (int n = 0; n < CODES.size(); n++) {
        String url = urls.get(n) + "/api/v1/leads/" + id;
        String token = tokens.get(n);
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await(
            "lead " + id + " claimed by " + e.getValue() + " on " + CODES.get(n) + " " + when,
            Duration.ofSeconds(60),
            () -> {
              last.set(get(url, token));
              return last.get().statusCode() == 200
                  && json(last.get()).at("/status/state").asText().equals("CLAIMED")
                  && json(last.get()).at("/status/owner").asText().equals(e.getValue());
            });
        JsonNode view = json(last.get());
        assertThat(view.at("/proof/verified").asBoolean())
            .as("%s's proof verified on %s %s: %s", id, CODES.get(n), when, view)
            .isTrue();
        assertThat(view.at("/originBureau").asText()).isEqualTo(CODES.get(postedOn.get(id)));
        if (first == null) {
          first = view;
        } else {
          for (String part : List.of("history", "status", "lead")) {
            assertSame(
                view.get(part),
                first.get(part),
                id + "'s " + part + " on " + CODES.get(n) + " and " + CODES.get(0) + " " + when);
          }
        }
      }
    }
  }

  /** With one build everywhere again, every node answers every lead exactly alike. */
  private void sameAnswersEverywhere() {
    for (String id : winners.keySet()) {
      JsonNode first = json(get(urls.get(0) + "/api/v1/leads/" + id, tokens.get(0)));
      for (int n = 1; n < CODES.size(); n++) {
        JsonNode view = json(get(urls.get(n) + "/api/v1/leads/" + id, tokens.get(n)));
        for (String part : List.of("history", "status", "lead", "proof")) {
          assertThat(view.get(part))
              .as("%s's %s on %s and %s", id, part, CODES.get(n), CODES.get(0))
              .isEqualTo(first.get(part));
        }
      }
    }
  }

  /**
   * The same values in both answers for every field both builds write: a newer build may add fields
   * to its answers (e.g. a lead's co-handlers), never change or drop one the older wrote.
   */
  private static void assertSame(JsonNode a, JsonNode b, String what) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      a.fieldNames()
          .forEachRemaining(
              f -> {
                if (b.has(f)) {
                  assertSame(a.get(f), b.get(f), what + "/" + f);
                }
              });
      int shared = 0;
      for (var it = a.fieldNames(); it.hasNext(); ) {
        shared += b.has(it.next()) ? 1 : 0;
      }
      if (a.size() > 0 && b.size() > 0) {
        assertThat(shared).as("fields in common: " + what).isPositive();
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      assertThat(a.size()).as(what).isEqualTo(b.size());
      for (int i = 0; i < a.size(); i++) {
        assertSame(a.get(i), b.get(i), what + "[" + i + "]");
      }
    } else {
      assertThat(a).as(what).isEqualTo(b);
    }
  }

  private void awaitRounds(int more, String what) throws InterruptedException {
    int target = winners.size() + more;
    await(
        target + " leads claimed: " + what + " (faults " + faults + ")",
        Duration.ofSeconds(180),
        () -> winners.size() >= target || !faults.isEmpty());
    assertThat(faults).as(what).isEmpty();
  }

  private String postedCounts() {
    int[] c = new int[CODES.size()];
    postedOn.values().forEach(n -> c[n]++);
    return java.util.Arrays.toString(c);
  }

  private static long secs(long from, long to) {
    return TimeUnit.NANOSECONDS.toSeconds(to - from);
  }

  /** The commit of {@code --version}'s "liaison-node 0.2.0-SNAPSHOT (commit 0c0f6a620ae8)". */
  private static String commitOf(String version) {
    Matcher m = Pattern.compile("\\(commit ([^)]+)\\)").matcher(version);
    assertThat(m.find()).as(version).isTrue();
    return m.group(1);
  }

  private static String commitOf(JsonNode health) {
    return health.path("commit").asText();
  }
}
