package io.liaison.node.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import io.liaison.node.SseClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real network split and its healing, with three nodes as separate processes. How the split is
 * made: each node runs in a Linux network namespace of its own ({@code ip netns exec}), joined by a
 * veth pair to a bridge in the root namespace, with its Hazelcast member and HTTP API bound to its
 * namespace's address (10.77.N.1..3, N random; the bridge is 10.77.N.254). The split is made by
 * <b>blackhole routes</b>: 阳高县's namespace gets a blackhole route to each of the two other nodes'
 * addresses, and theirs one to 阳高县's address, so Hazelcast traffic between the sides is dropped in
 * both directions (sends fail with {@code EINVAL}) while every link stays up and the test, on the
 * bridge, still reaches every node's API. Healing deletes the routes. Where namespaces cannot be
 * made (not root, no {@code ip}, {@code ip netns add} refused) the test is skipped with the reason
 * — unless {@code LIAISON_NETNS_REQUIRED=1} (set by {@code .ci/run}), where it fails instead;
 * {@link SplitIT} covers the same scenario by running the sides one after the other.
 *
 * <p>The nodes run with a short failure detector (heartbeat every second, a member is dropped after
 * 8 s without one) and look for a healed split every 3 s instead of every 30 s (the Hazelcast
 * properties {@code hazelcast.merge.*.run.delay.seconds}, see {@code GridConfig}).
 *
 * <p>Scenario, as in {@link SplitIT}: a lead posted by 兴和县 before the split is seen by all. During
 * the split the majority side {兴和县, 天镇县} claims it (天镇县); the minority side {阳高县} may not claim
 * (503, no majority) but posts a lead of its own and, as its own oldest member, expires the first
 * lead. After healing, every node keeps the same history (the earliest-signed divergent transition
 * wins: the claim), has 阳高县's new lead, keeps the expiry as superseded, and both bureaus (天镇县, 阳高县)
 * are told about the conflict. Eight more leads posted before the split, which both sides expire,
 * check that the minority acts on every lead (also those whose grid partitions it lost with the
 * split) and that every node ends with the same outcome for each.
 */
class NetSplitIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final Pattern MEMBERS = Pattern.compile("Members \\{size:(\\d+),");

  @TempDir static Path dir;
  static String unavailable; // why this machine cannot make network namespaces, if it cannot
  static Namespaces net;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    try {
      net = Namespaces.make(3);
    } catch (Namespaces.Unavailable e) {
      unavailable = e.getMessage();
      return;
    }
    cluster =
        new ProcessCluster(
            dir,
            3,
            new ProcessCluster.Placement(
                net::address,
                net::exec,
                List.of(
                    "-Dhazelcast.heartbeat.interval.seconds=1",
                    "-Dhazelcast.max.no.heartbeat.seconds=8",
                    "-Dhazelcast.merge.first.run.delay.seconds=3",
                    "-Dhazelcast.merge.next.run.delay.seconds=3",
                    // the node's own logging configuration: it logs Hazelcast's member list
                    "-Dlogback.configurationFile=logback.xml")));
    cluster.startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (net != null) {
        net.close();
      }
    }
  }

  /**
   * Where network namespaces are required (CI: {@code .ci/run} sets {@code
   * LIAISON_NETNS_REQUIRED=1}, and CI's machine runs as root with {@code ip}), a machine that
   * cannot make them fails this test instead of skipping it.
   */
  static boolean required() {
    String v = System.getenv("LIAISON_NETNS_REQUIRED");
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  @BeforeEach
  void namespaces() {
    if (unavailable != null && required()) {
      throw new AssertionError(
          "network namespaces are required here (LIAISON_NETNS_REQUIRED) but: " + unavailable);
    }
    Assumptions.assumeTrue(unavailable == null, () -> unavailable);
  }

  @Test
  void aRealSplitKeepsBothSidesWorkingAndTheMergeIsTheSameOnEveryNode() {
    for (int n = 0; n < 3; n++) {
      awaitMembers(n, 3);
    }
    Instant expiresAt = Instant.now().plusSeconds(25);
    String id = post(XINGHE, "无证批发线索", expiresAt);
    // A member cut off keeps only the grid partitions it held a copy of (about two thirds, with
    // one backup); with eight more leads, some are nearly always (1 - (2/3)^9 ≈ 97 %) on a
    // partition 阳高县 loses, and it must still act on them. Both sides expire these.
    List<String> others = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      others.add(post(XINGHE, "无证批发线索" + k, expiresAt));
    }
    List<String> before = new ArrayList<>(others);
    before.add(0, id);
    for (String lead : before) {
      for (int n : new int[] {TIANZHEN, YANGGAO}) {
        Await.until(Duration.ofSeconds(10), () -> status(n, lead) == 200, lead + " on node " + n);
      }
    }

    net.cut(List.of(XINGHE, TIANZHEN), List.of(YANGGAO));
    awaitMembers(XINGHE, 2);
    awaitMembers(TIANZHEN, 2);
    awaitMembers(YANGGAO, 1);
    assertThat(Instant.now())
        .as("the split was seen before the lead expires, so the majority can still claim it")
        .isBefore(expiresAt.minusSeconds(2));

    // majority side (2 of 3): 天镇县 claims
    Http.Response claim = fire(TIANZHEN, id, "CLAIM");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    Await.until(
        Duration.ofSeconds(10),
        () -> state(XINGHE, id).equals("CLAIMED"),
        "claim seen on the majority side");

    // minority side (1 of 3): 阳高县 may not claim, but posts and expires the lead
    Http.Response minorityClaim = fire(YANGGAO, id, "CLAIM");
    assertThat(minorityClaim.status()).as(minorityClaim.body()).isEqualTo(503);
    assertThat(minorityClaim.json().get("type").asText()).endsWith("/no-majority");
    String fresh = post(YANGGAO, "分裂期间的新线索", null);
    // the majority side keeps working too: a post acknowledged there during the split
    String majorityFresh = post(XINGHE, "分裂期间多数方的新线索", null);
    Http.Response secondClaim = fire(TIANZHEN, majorityFresh, "CLAIM");
    assertThat(secondClaim.status()).as(secondClaim.body()).isEqualTo(200);
    for (String lead : before) {
      Await.until(
          Duration.ofSeconds(40),
          () -> state(YANGGAO, lead).equals("EXPIRED"),
          lead + " expired on the minority side");
    }
    // each side kept to itself
    assertThat(state(TIANZHEN, id)).isEqualTo("CLAIMED");
    assertThat(status(XINGHE, fresh)).isEqualTo(404);
    assertThat(status(TIANZHEN, fresh)).isEqualTo(404);

    net.heal(List.of(XINGHE, TIANZHEN), List.of(YANGGAO));
    for (int n = 0; n < 3; n++) {
      awaitMembers(n, 3);
    }
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(30),
          () -> {
            JsonNode v = lead(node, id);
            return v.at("/status/state").asText().equals("CLAIMED")
                && v.at("/status/owner").asText().equals("140222");
          },
          "the claim kept on node " + node);
      assertThat(lead(node, id).get("history").findValuesAsText("event")).containsExactly("CLAIM");
      Await.until(
          Duration.ofSeconds(10),
          () -> superseded(node, id).contains("EXPIRE"),
          "the expiry kept as superseded on node " + node);
      assertThat(
              Http.get(cluster.url(node) + "/api/v1/leads/" + id + "/superseded")
                  .json()
                  .get("items")
                  .findValuesAsText("signer"))
          .contains("140221");
      Await.until(
          Duration.ofSeconds(10),
          () -> status(node, fresh) == 200,
          "the lead posted on the minority side during the split on node " + node);
    }
    // nothing acknowledged is lost: every lead posted on either side, and the majority's claims
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(30),
          () ->
              status(node, majorityFresh) == 200
                  && state(node, majorityFresh).equals("CLAIMED")
                  && lead(node, majorityFresh).at("/status/owner").asText().equals("140222"),
          "the majority side's lead and claim from the split on node " + node);
      for (String lead : before) {
        assertThat(status(node, lead)).as(lead + " on node " + node).isEqualTo(200);
      }
    }
    // the same outcome on every node, for every lead: status, history, superseded transitions
    List<String> all = new ArrayList<>(before);
    all.add(fresh);
    all.add(majorityFresh);
    for (String lead : all) {
      Await.until(
          Duration.ofSeconds(20),
          () ->
              Stream.of(XINGHE, TIANZHEN, YANGGAO).map(n -> outcome(n, lead)).distinct().count()
                  == 1,
          "the same outcome of " + lead + " on every node");
    }
    for (String lead : others) {
      assertThat(state(YANGGAO, lead)).isEqualTo("EXPIRED");
      assertThat(superseded(YANGGAO, lead)).as("one side's expiry, superseded").contains("EXPIRE");
    }
    // both bureaus are told
    for (int node : new int[] {TIANZHEN, YANGGAO}) {
      try (SseClient feed = new SseClient(cluster.url(node) + "/api/v1/events", 0L)) {
        Await.until(
            Duration.ofSeconds(10),
            () ->
                feed.events().stream()
                    .anyMatch(e -> e.type().equals("lead.conflict") && e.data().contains(id)),
            "conflict notice on node " + node);
      }
    }
  }

  static String post(int node, String title, Instant expiresAt) {
    Http.Response r =
        Http.postJson(
            cluster.url(node) + "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRADE","title":"%s",
             "narrative":"怀疑有人在两县交界处无证批发卷烟。"%s}
            """
                .formatted(
                    ProcessCluster.officer(node),
                    title,
                    expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Response fire(int node, String id, String event) {
    return Http.postJson(
        cluster.url(node) + "/api/v1/leads/" + id + "/transitions",
        "{\"event\":\"%s\",\"officer\":\"%s\"}".formatted(event, ProcessCluster.officer(node)));
  }

  static int status(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id).status();
  }

  static JsonNode lead(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id).json();
  }

  static String state(int node, String id) {
    return lead(node, id).at("/status/state").asText();
  }

  static String superseded(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id + "/superseded").body();
  }

  /** What every node must agree on after the merge: status, history, superseded transitions. */
  static String outcome(int node, String id) {
    JsonNode v = lead(node, id);
    List<String> superseded = new ArrayList<>();
    Http.get(cluster.url(node) + "/api/v1/leads/" + id + "/superseded")
        .json()
        .get("items")
        .forEach(i -> superseded.add(i.toString()));
    Collections.sort(superseded);
    return v.get("status") + " " + v.get("history") + " " + superseded;
  }

  /** Waits until node's Hazelcast member list (as last logged) has {@code size} members. */
  static void awaitMembers(int node, int size) {
    Await.until(
        Duration.ofSeconds(30),
        () -> {
          Matcher m = MEMBERS.matcher(cluster.fullLog(node));
          int last = -1;
          while (m.find()) {
            last = Integer.parseInt(m.group(1));
          }
          return last == size;
        },
        "node " + node + " to see " + size + " members");
  }

  /**
   * The namespaces, veth pairs and bridge of one run, all named {@code lt<6 hex>…}: namespace
   * {@code lt<id>-<i>} holds veth end {@code lt<id>n<i>} with address 10.77.N.(i+1)/24, whose peer
   * {@code lt<id>h<i>} is a port of bridge {@code lt<id>br} (10.77.N.254/24) in the root namespace.
   */
  static final class Namespaces implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("lt([0-9a-f]{6})(-\\d+|br)");

    private final String ip;
    private final String id;
    private final String subnet;
    private final int size;

    private Namespaces(String ip, String id, String subnet, int size) {
      this.ip = ip;
      this.id = id;
      this.subnet = subnet;
      this.size = size;
    }

    /** This machine cannot make network namespaces; the message says why. */
    static final class Unavailable extends Exception {
      Unavailable(String why) {
        super(why + "; SplitIT simulates the split instead");
      }
    }

    /**
     * Makes {@code size} connected namespaces, or says why this machine cannot: no {@code ip}
     * command, or {@code ip netns add} refused (not root). Any later failure is an error.
     */
    static Namespaces make(int size) throws IOException, InterruptedException, Unavailable {
      String ip =
          List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").stream()
              .filter(p -> Files.isExecutable(Path.of(p)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new Unavailable("no ip command (iproute2): cannot make network namespaces"));
      removeLeftovers(ip);
      SecureRandom random = new SecureRandom();
      byte[] bytes = new byte[3];
      random.nextBytes(bytes);
      String id = HexFormat.of().formatHex(bytes);
      String used = run(ip, "-o", "-4", "addr", "show") + run(ip, "-4", "route", "show");
      String subnet = null;
      for (int attempt = 0; attempt < 100 && subnet == null; attempt++) {
        String s = "10.77." + (1 + random.nextInt(250)) + ".";
        subnet = used.contains(s) ? null : s;
      }
      assertThat(subnet).as("a free 10.77.N.0/24 subnet").isNotNull();
      Namespaces net = new Namespaces(ip, id, subnet, size);
      try {
        run(ip, "netns", "add", net.namespace(0));
      } catch (IOException e) {
        throw new Unavailable(
            "cannot make network namespaces (needs root, or CAP_SYS_ADMIN and CAP_NET_ADMIN; uid "
                + Files.getAttribute(Path.of("/proc/self"), "unix:uid")
                + "): "
                + e.getMessage());
      }
      try {
        net.connect();
      } catch (Exception e) {
        net.close();
        throw e;
      }
      return net;
    }

    private void connect() throws IOException, InterruptedException {
      String bridge = "lt" + id + "br";
      run(ip, "link", "add", bridge, "type", "bridge");
      run(ip, "addr", "add", subnet + "254/24", "dev", bridge);
      run(ip, "link", "set", bridge, "up");
      for (int i = 0; i < size; i++) {
        String ns = namespace(i);
        if (i > 0) {
          run(ip, "netns", "add", ns);
        }
        String host = "lt" + id + "h" + i;
        String inside = "lt" + id + "n" + i;
        run(ip, "link", "add", host, "type", "veth", "peer", "name", inside);
        run(ip, "link", "set", inside, "netns", ns);
        run(ip, "link", "set", host, "master", bridge, "up");
        run(ip, "-n", ns, "addr", "add", address(i) + "/24", "dev", inside);
        run(ip, "-n", ns, "link", "set", inside, "up");
        run(ip, "-n", ns, "link", "set", "lo", "up");
      }
    }

    String namespace(int i) {
      return "lt" + id + "-" + i;
    }

    String address(int i) {
      return subnet + (i + 1);
    }

    /** The words that run a command in node i's namespace. */
    List<String> exec(int i) {
      return List.of(ip, "netns", "exec", namespace(i));
    }

    /** Splits {@code a} from {@code b}: blackhole routes on both sides, links stay up. */
    void cut(List<Integer> a, List<Integer> b) {
      routes("add", a, b);
    }

    void heal(List<Integer> a, List<Integer> b) {
      routes("del", a, b);
    }

    private void routes(String op, List<Integer> a, List<Integer> b) {
      try {
        for (int x : a) {
          for (int y : b) {
            run(ip, "-n", namespace(x), "route", op, "blackhole", address(y) + "/32");
            run(ip, "-n", namespace(y), "route", op, "blackhole", address(x) + "/32");
          }
        }
      } catch (IOException | InterruptedException e) {
        throw new AssertionError("cannot " + op + " blackhole routes: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      remove(ip, id);
    }

    /** Removes the namespaces and bridge of one run; what is already gone is ignored. */
    private static void remove(String ip, String id) {
      for (String ns : namespaces(ip).getOrDefault(id, List.of())) {
        quietly(ip, "netns", "del", ns);
      }
      quietly(ip, "link", "del", "lt" + id + "br");
    }

    /**
     * Removes what earlier runs that crashed left behind: namespaces named {@code lt<6 hex>-<i>}
     * with no process in any of them, and bridges {@code lt<6 hex>br} whose namespaces are gone.
     */
    private static void removeLeftovers(String ip) {
      Map<String, List<String>> namespaces = namespaces(ip);
      for (var e : namespaces.entrySet()) {
        if (e.getValue().stream().allMatch(ns -> "".equals(output(ip, "netns", "pids", ns)))) {
          remove(ip, e.getKey());
        }
      }
      for (String line : lines(ip, "-o", "link", "show", "type", "bridge")) {
        String[] f = line.split(":\\s+");
        Matcher m = f.length > 1 ? NAME.matcher(f[1]) : null;
        if (m != null && m.matches() && !namespaces.containsKey(m.group(1))) {
          quietly(ip, "link", "del", f[1]);
        }
      }
    }

    /** This test's namespaces on the machine, by run id. */
    private static Map<String, List<String>> namespaces(String ip) {
      Map<String, List<String>> byId = new TreeMap<>();
      for (String line : lines(ip, "netns", "list")) {
        String name = line.strip().split("\\s+")[0];
        Matcher m = NAME.matcher(name);
        if (m.matches() && m.group(2).startsWith("-")) {
          byId.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
        }
      }
      return byId;
    }

    /** Runs a command whose failure does not matter (what it removes is already gone). */
    private static void quietly(String... cmd) {
      output(cmd);
    }

    /** A command's output lines; none if it failed. */
    private static List<String> lines(String... cmd) {
      String out = output(cmd);
      return out == null || out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** A command's output (stripped), or null if it failed. */
    private static String output(String... cmd) {
      try {
        return run(cmd).strip();
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** Runs a command; its output, or an IOException with the output if it failed. */
    static String run(String... cmd) throws IOException, InterruptedException {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + ": " + out.strip());
      }
      return out;
    }
  }
}
