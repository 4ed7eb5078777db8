package io.liaison.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import io.liaison.node.cluster.GridConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile machine on the cluster link, with what the open-source Hazelcast lets anyone there do:
 * a plain client and a lite member joined to a 3-node cluster write, replay, delete, lock and
 * destroy grid entries while bureaus work. What every node serves, answers, emits and reports is
 * asserted: never a forged owner, never a decision on a replayed state, never false history,
 * nothing thrown, nothing stalled, everything put back.
 *
 * <p>The test cluster keeps Hazelcast's client endpoint open (as the production configuration does,
 * see docs/security.md) so that a plain client can play the outsider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLinkIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;

  @TempDir static Path dir;
  static TestCluster cluster;
  static HazelcastInstance rogue;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(cluster.config(0).cluster().name());
    cc.setProperty("hazelcast.logging.type", "slf4j");
    cc.getNetworkConfig().addAddress("127.0.0.1:" + cluster.config(0).cluster().port());
    rogue = HazelcastClient.newHazelcastClient(cc);
  }

  /**
   * A lite member of the cluster, started by the outsider: it joins like any member (the
   * open-source edition checks nothing), holds no data, and can do to the maps what a client can.
   */
  static HazelcastInstance liteMember() {
    Config lc = new Config();
    lc.setLiteMember(true);
    lc.setClusterName(cluster.config(0).cluster().name());
    lc.setProperty("hazelcast.logging.type", "slf4j");
    lc.setProperty("hazelcast.phone.home.enabled", "false");
    lc.setProperty("hazelcast.wait.seconds.before.join", "1");
    lc.getNetworkConfig().setPort(0).getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    var join = lc.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int i = 0; i < 3; i++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + cluster.config(i).cluster().port());
    }
    return Hazelcast.newHazelcastInstance(lc);
  }

  @AfterAll
  static void stop() throws Exception {
    if (rogue != null) {
      rogue.shutdown();
    }
    cluster.close();
  }

  static IMap<String, Object> leads(HazelcastInstance hz) {
    return hz.getMap(GridConfig.LEADS);
  }

  static String post(int node, String title) {
    Http.Response r =
        Http.postJson(
            cluster.url(node) + "/api/v1/leads",
            """
            {"officer":"%s","category":"COUNTERFEIT","title":"%s",
             "narrative":"兴和县城关镇发现假烟,车牌蒙J·7K215。"}
            """
                .formatted(TestCluster.OFFICERS.get(node), title));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Response fire(int node, String id, String event) {
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(cluster.url(node) + "/api/v1/leads/" + id + "/transitions"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"event\":\""
                        + event
                        + "\",\"officer\":\""
                        + TestCluster.OFFICERS.get(node)
                        + "\"}")));
  }

  static JsonNode lead(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id).json();
  }

  static void onEveryNode(String id) {
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10),
          () -> Http.get(cluster.url(node) + "/api/v1/leads/" + id).status() == 200,
          "lead " + id + " on node " + node);
    }
  }

  static long quarantined(int node, String reason) {
    JsonNode q = Http.get(cluster.url(node) + "/api/v1/admin/quarantine?limit=1000").json();
    return q.get("items").findValuesAsText("reason").stream().filter(reason::equals).count();
  }

  /** A transition of {@code rec} in {@code bureau}'s name signed with a key not in the roster. */
  static String forgedAppend(String recJson, String bureau, String event) throws Exception {
    ArrayNode envs = (ArrayNode) Json.mapper().readTree(recJson);
    SignedEnvelope head =
        SignedEnvelope.fromJson(Json.mapper().writeValueAsBytes(envs.get(envs.size() - 1)));
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", "lead.transition");
    payload.put("leadId", envs.get(0).at("/payload/lead/id").asText());
    ObjectNode t = payload.putObject("transition");
    t.put("event", event).put("officer", bureau + "-666");
    SignedEnvelope forged =
        new EnvelopeSigner(BureauId.of(bureau), SigningKeyPair.generate())
            .sign(payload, head.hash(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    envs.add(Json.mapper().readTree(forged.toJson()));
    return Json.mapper().writeValueAsString(envs);
  }

  /** Runs {@code attack} in a loop on a thread of its own until the returned flag is cleared. */
  static AtomicBoolean hold(ExecutorService pool, Runnable attack) {
    AtomicBoolean on = new AtomicBoolean(true);
    pool.submit(
        () -> {
          while (on.get()) {
            try {
              attack.run();
            } catch (RuntimeException e) {
              // the grid refused (a put racing a repair): try again
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
          }
        });
    return on;
  }

  @Test
  void aForgedClaimHeldOnTheGridNeverNamesAForgedOwner() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(post(XINGHE, "伪造认领测试" + i));
    }
    ids.forEach(HostileLinkIT::onEveryNode);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<AtomicBoolean> attacks = new ArrayList<>();
    try {
      for (String id : ids) {
        String genuine = (String) leads(rogue).get(id);
        String forged = forgedAppend(genuine, "140221", "CLAIM");
        attacks.add(hold(pool, () -> leads(rogue).put(id, forged)));
      }
      List<Http.Response> answers = new ArrayList<>();
      for (String id : ids) {
        answers.add(fire(TIANZHEN, id, "CLAIM"));
      }
      for (Http.Response a : answers) {
        assertThat(a.body()).as("no answer names the forged owner").doesNotContain("140221");
        assertThat(a.status()).as(a.body()).isIn(200, 503);
      }
      assertThat(answers.stream().filter(a -> a.status() == 200).count())
          .as("claims decided on the verified state the owner put back")
          .isGreaterThanOrEqualTo(6);
    } finally {
      attacks.forEach(a -> a.set(false));
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    for (String id : ids) {
      for (int n = 0; n < 3; n++) {
        int node = n;
        Await.until(
            Duration.ofSeconds(10),
            () -> !lead(node, id).path("status").path("owner").asText().equals("140221"),
            "no forged owner served");
        assertThat(lead(node, id).toString()).doesNotContain("140221-666");
      }
    }
    assertThat(quarantined(YANGGAO, "UNKNOWN_KEY")).isPositive();
  }

  @Test
  void aReplayedPreClaimValueIsNeverDecidedOn() throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> preClaim = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = post(XINGHE, "重放测试" + i);
      ids.add(id);
    }
    ids.forEach(HostileLinkIT::onEveryNode);
    for (String id : ids) {
      preClaim.add((String) leads(rogue).get(id));
      Http.Response c = fire(TIANZHEN, id, "CLAIM");
      assertThat(c.status()).as(c.body()).isEqualTo(200);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<AtomicBoolean> attacks = new ArrayList<>();
    try {
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        String old = preClaim.get(i);
        attacks.add(hold(pool, () -> leads(rogue).put(id, old)));
      }
      for (String id : ids) {
        // a rival's claim never wins on the replayed pre-claim state
        Http.Response rival = fire(YANGGAO, id, "CLAIM");
        assertThat(rival.status()).as(rival.body()).isIn(409, 503);
        if (rival.status() == 409) {
          assertThat(rival.body()).contains("140222");
        }
        // the owner's INVESTIGATE is never refused on it
        Http.Response inv = fire(TIANZHEN, id, "INVESTIGATE");
        assertThat(inv.status()).as(inv.body()).isIn(200, 503);
        assertThat(inv.body()).doesNotContain("state POSTED");
      }
    } finally {
      attacks.forEach(a -> a.set(false));
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    for (String id : ids) {
      for (int n = 0; n < 3; n++) {
        int node = n;
        Await.until(
            Duration.ofSeconds(10),
            () -> lead(node, id).path("status").path("owner").asText().equals("140222"),
            "owner 140222 on node " + node);
      }
      Await.until(
          Duration.ofSeconds(10),
          () -> !preClaim.contains((String) leads(rogue).get(id)),
          "the newer value back on the grid");
    }
  }

  @Test
  void aWinningClaimPutIntoTheSupersededMapIsNotFalseHistory() throws Exception {
    String id = post(XINGHE, "虚假历史测试");
    onEveryNode(id);
    assertThat(fire(TIANZHEN, id, "CLAIM").status()).isEqualTo(200);
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10),
          () -> lead(node, id).at("/status/version").asInt() == 2,
          "claim on node " + node);
    }
    List<SseClient> feeds = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      feeds.add(new SseClient(cluster.url(n) + "/api/v1/events", Long.MAX_VALUE / 2));
    }
    try {
      long before = quarantined(XINGHE, "NOT_SUPERSEDED");
      ArrayNode envs = (ArrayNode) Json.mapper().readTree((String) leads(rogue).get(id));
      SignedEnvelope claim = SignedEnvelope.fromJson(Json.mapper().writeValueAsBytes(envs.get(1)));
      rogue
          .getMap(GridConfig.SUPERSEDED)
          .put(claim.hash(), new String(claim.toJson(), StandardCharsets.UTF_8));
      for (int n = 0; n < 3; n++) {
        int node = n;
        Await.until(
            Duration.ofSeconds(10),
            () -> quarantined(node, "NOT_SUPERSEDED") > (node == XINGHE ? before : 0),
            "refused on node " + node);
        JsonNode sup = Http.get(cluster.url(n) + "/api/v1/leads/" + id + "/superseded").json();
        assertThat(sup.toString()).doesNotContain(claim.hash());
        assertThat(feeds.get(n).events()).noneMatch(e -> e.type().equals("lead.conflict"));
      }
    } finally {
      feeds.forEach(SseClient::close);
    }
  }

  @Test
  void anIntegerAsALeadValueIsQuarantinedAndRepairedAndNothingThrows() throws Exception {
    String id = post(XINGHE, "类型混淆测试");
    onEveryNode(id);
    String genuine = (String) leads(rogue).get(id);
    // through a lite member this time: it is a member of the cluster like any other
    HazelcastInstance lite = liteMember();
    leads(lite).put(id, 42);
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10), () -> quarantined(node, "WRONG_TYPE") > 0, "quarantined " + n);
    }
    Await.until(
        Duration.ofSeconds(10), () -> genuine.equals(leads(rogue).get(id)), "grid repaired");
    lite.shutdown();
    // an Integer held during a claim: the claim still goes through
    leads(rogue).put(id, 43);
    Http.Response claim = fire(TIANZHEN, id, "CLAIM");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    // an Integer under a key no node holds does not stop a node from starting
    leads(rogue).put("150924-20260101-AAAAAAAA", 7);
    cluster.stop(YANGGAO);
    long t0 = System.nanoTime();
    cluster.start(YANGGAO);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    assertThat(lead(YANGGAO, id).at("/status/owner").asText()).isEqualTo("140222");
    assertThat(Http.get(cluster.url(YANGGAO) + "/health/ready").status()).isEqualTo(200);
  }

  @Test
  void aLockHeldOnALeadKeyDoesNotHoldAClaim() throws Exception {
    String id = post(XINGHE, "锁测试");
    onEveryNode(id);
    leads(rogue).lock(id, 20, TimeUnit.SECONDS);
    long t0 = System.nanoTime();
    Http.Response claim = fire(TIANZHEN, id, "CLAIM");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    assertThat(took).as("bounded well below the lock's lease").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLeadDeletedFromTheGridIsPutBackWithinSeconds() throws Exception {
    String id = post(XINGHE, "删除测试");
    onEveryNode(id);
    String genuine = (String) leads(rogue).get(id);
    leads(rogue).delete(id);
    Await.until(
        Duration.ofSeconds(5), () -> genuine.equals(leads(rogue).get(id)), "put back on the grid");
  }

  @Test
  void aDestroyedLeadsMapIsAttachedAgainAndRefilled() throws Exception {
    String before = post(XINGHE, "销毁前");
    onEveryNode(before);
    leads(rogue).destroy();
    // a lead posted at once, while the nodes attach again, still reaches every node
    String during = post(XINGHE, "销毁时");
    // every node says it is not ready until it has attached again and put back what it holds
    boolean[] down = new boolean[3];
    Await.until(
        Duration.ofSeconds(5),
        () -> {
          for (int n = 0; n < 3; n++) {
            down[n] |= Http.get(cluster.url(n) + "/health/ready").status() == 503;
          }
          return down[0] && down[1] && down[2];
        },
        "every node not ready after the destroy");
    Await.until(
        Duration.ofSeconds(10), () -> leads(rogue).get(before) != null, "refilled from the stores");
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10),
          () -> Http.get(cluster.url(node) + "/health/ready").status() == 200,
          "ready again " + n);
    }
    onEveryNode(during);
    String after = post(TIANZHEN, "销毁后");
    onEveryNode(after);
    Http.Response claim = fire(YANGGAO, after, "CLAIM");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
  }

  @Test
  void editedDeletedAndMalformedAuditEntriesArePutBackAndNeverFailAReader() throws Exception {
    post(TIANZHEN, "审计测试一");
    post(TIANZHEN, "审计测试二");
    IMap<String, Object> audit = rogue.getMap(GridConfig.AUDIT);
    Await.until(Duration.ofSeconds(5), () -> audit.get("140222/2") != null, "chain published");
    String first = (String) audit.get("140222/1");
    String second = (String) audit.get("140222/2");
    ObjectNode edited = (ObjectNode) Json.mapper().readTree(first);
    ((ObjectNode) edited.get("payload")).put("record", "lead/140222-20260101-00000000");
    audit.put("140222/1", edited.toString());
    audit.delete("140222/2");
    audit.put("150924/999999", "not json at all");
    audit.put("150924/x", "{}");
    audit.put("150924/1000000", 42);
    Await.until(
        Duration.ofSeconds(5),
        () ->
            first.equals(audit.get("140222/1"))
                && second.equals(audit.get("140222/2"))
                && audit.get("150924/999999") == null
                && audit.get("150924/1000000") == null,
        "edited and deleted entries put back, entries 兴和县 never wrote removed");
    for (int n = 0; n < 3; n++) {
      Http.Response v = Http.get(cluster.url(n) + "/api/v1/audit/chains/150924");
      assertThat(v.status()).as(v.body()).isEqualTo(200);
      int node = n;
      Await.until(
          Duration.ofSeconds(5),
          () ->
              Http.get(cluster.url(node) + "/api/v1/audit/chains/140222")
                  .json()
                  .get("intact")
                  .asBoolean(),
          "140222's chain intact on node " + n);
      Http.Response export = Http.get(cluster.url(n) + "/api/v1/audit/export");
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.body()).contains(first).doesNotContain("not json at all");
      for (String line : export.body().split("\n")) {
        assertThat(Json.mapper().readTree(line).isObject()).isTrue();
      }
    }
  }

  @Test
  void forgedRosterVersionsAndOldOrForgedDirectoriesAreRepaired() throws Exception {
    IMap<Object, Object> roster = rogue.getMap(GridConfig.ROSTER);
    long inForce = cluster.node(0).trust().roster().version();
    String genuine = (String) roster.get(inForce);
    var next = cluster.node(0).trust().roster();
    var forged =
        new io.liaison.crypto.RosterAuthority(SigningKeyPair.generate())
            .sign(new io.liaison.crypto.Roster(inForce + 5, Instant.now(), next.members()));
    roster.put(inForce + 5, new String(forged.toJson(), StandardCharsets.UTF_8));
    roster.put(inForce, "{\"forged\":true}");
    roster.put("x", 1);
    Await.until(
        Duration.ofSeconds(5),
        () ->
            roster.get(inForce + 5) == null
                && genuine.equals(roster.get(inForce))
                && roster.get("x") == null,
        "roster map repaired");
    for (int n = 0; n < 3; n++) {
      assertThat(Http.get(cluster.url(n) + "/api/v1/roster").json().get("version").asLong())
          .isEqualTo(inForce);
      int node = n;
      Await.until(
          Duration.ofSeconds(5),
          () -> quarantined(node, "ROSTER_FORGED") > 0,
          "roster forgery quarantined on " + n);
    }

    String body =
        """
        {"entries":[{"officer":"140222-009","name":"王科长","role":"信息联络员",
          "phone":"0352-6012345","dutyHours":"8:00-17:30"}]}
        """;
    assertThat(
            Http.send(
                    HttpRequest.newBuilder(URI.create(cluster.url(TIANZHEN) + "/api/v1/directory"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)))
                .status())
        .isEqualTo(200);
    IMap<String, Object> directory = rogue.getMap(GridConfig.DIRECTORY);
    String key = "directory-140222";
    Await.until(Duration.ofSeconds(5), () -> directory.get(key) != null, "directory shared");
    String v1 = (String) directory.get(key);
    assertThat(
            Http.send(
                    HttpRequest.newBuilder(URI.create(cluster.url(TIANZHEN) + "/api/v1/directory"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.replace("王科长", "李科长"))))
                .status())
        .isEqualTo(200);
    Await.until(Duration.ofSeconds(5), () -> !v1.equals(directory.get(key)), "v2 shared");
    String v2 = (String) directory.get(key);
    directory.put(key, v1);
    Await.until(Duration.ofSeconds(5), () -> v2.equals(directory.get(key)), "older put right");
    directory.put(key, v2.replace("李科长", "赵科长"));
    Await.until(Duration.ofSeconds(5), () -> v2.equals(directory.get(key)), "forgery put right");
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(5),
          () -> Http.get(cluster.url(node) + "/api/v1/directory").body().contains("李科长"),
          "v2 served on " + n);
      assertThat(Http.get(cluster.url(n) + "/api/v1/directory").body()).doesNotContain("赵科长");
    }
  }

  @Test
  void tenMegabyteForgeriesAreKeptAsAHashSizeAndPrefix() throws Exception {
    String id = post(XINGHE, "大值测试");
    onEveryNode(id);
    String genuine = (String) leads(rogue).get(id);
    long[] before = new long[3];
    for (int n = 0; n < 3; n++) {
      before[n] = storeBytes(n);
    }
    String big = "[" + "\"x\",".repeat(2_600_000) + "\"x\"]";
    assertThat(big.length()).isGreaterThan(10_000_000);
    leads(rogue).put(id, big);
    leads(rogue).put("150924-20260101-BBBBBBBB", big.replace('x', 'y'));
    Await.until(
        Duration.ofSeconds(15), () -> genuine.equals(leads(rogue).get(id)), "lead repaired");
    Await.until(
        Duration.ofSeconds(15),
        () -> leads(rogue).get("150924-20260101-BBBBBBBB") == null,
        "forgery under an unknown key removed");
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10), () -> quarantined(node, "TOO_LARGE") >= 2, "kept on " + n);
      JsonNode items =
          Http.get(cluster.url(n) + "/api/v1/admin/quarantine?limit=1000").json().get("items");
      for (JsonNode item : items) {
        if (item.get("reason").asText().equals("TOO_LARGE")) {
          assertThat(item.get("size").asLong()).isGreaterThan(10_000_000);
          assertThat(item.get("sha256").asText()).hasSize(64);
          assertThat(item.get("prefix").asText().length()).isLessThanOrEqualTo(1024);
        }
      }
      assertThat(storeBytes(n) - before[n]).as("store growth").isLessThan(2_000_000);
    }
    assertThat(Http.get(cluster.url(0) + "/metrics").body()).contains("reason=\"TOO_LARGE\"");
  }

  /** The size of node n's store file and its write-ahead log. */
  static long storeBytes(int n) throws Exception {
    Path db = cluster.config(n).dataDir().resolve("liaison.db");
    Path wal = cluster.config(n).dataDir().resolve("liaison.db-wal");
    return java.nio.file.Files.size(db)
        + (java.nio.file.Files.exists(wal) ? java.nio.file.Files.size(wal) : 0);
  }

  @Test
  void aMemberThatDoesNotProveARosterKeyIsReportedAndNodesSayNotReady() throws Exception {
    for (int n = 0; n < 3; n++) {
      assertThat(Http.get(cluster.url(n) + "/health/ready").status()).isEqualTo(200);
    }
    HazelcastInstance lite = liteMember();
    try {
      for (int n = 0; n < 3; n++) {
        int node = n;
        Await.until(
            Duration.ofSeconds(10),
            () -> Http.get(cluster.url(node) + "/health/ready").status() == 503,
            "node " + n + " not ready with an unproven member");
        assertThat(Http.get(cluster.url(n) + "/metrics").body())
            .containsPattern("liaison_grid_members_unverified\\{[^}]*\\} 1\\.0");
      }
    } finally {
      lite.shutdown();
    }
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(10),
          () -> Http.get(cluster.url(node) + "/health/ready").status() == 200,
          "node " + n + " ready once it left");
    }
  }

  static <T> T get(Future<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }
}
