package io.liaison.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.Json;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.store.RecordBuckets;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the grid (#32), three real nodes with a grid retention of {@value #RETENTION_S} s: a
 * withdrawn lead and a shared case leave the grid after it and are still served by every node (a
 * transition on the lead still answers the lifecycle's 409); an open lead never leaves; a node that
 * was down while records were posted and left the grid gets them from a peer's store; a restart of
 * the whole cluster puts back the open lead only; and a peer that answers a forged record gets it
 * quarantined, not stored. The audit chain entries these writes signed leave the grid the same way
 * and every node still verifies the chain from its store, the restarted node too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridRetentionIT {
  static final int RETENTION_S = 3;
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static TestCluster cluster;

  /** Records that left the grid (lead and case ids), and the open lead. */
  static final List<String> gone = new ArrayList<>();

  static String openLead;

  /** Keys of 兴和县's audit entries that left the grid. */
  static final List<String> auditGone = new ArrayList<>();

  /** The last of them, and its signed value (served by the export after it left the grid). */
  static long auditHead;

  static String auditValue;

  /** The withdrawn lead's grid value, signed (the forged record is made from it). */
  static String withdrawnValue;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 3, GridRetentionIT::shortRetention).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  static NodeConfig shortRetention(NodeConfig c) {
    return withGrid(c, Duration.ofSeconds(RETENTION_S), false);
  }

  /** {@code c} with this grid retention and {@code cluster.keepAuditOnGrid}. */
  static NodeConfig withGrid(NodeConfig c, Duration retention, boolean keepAuditOnGrid) {
    NodeConfig.Cluster k = c.cluster();
    return new NodeConfig(
        c.bureau(),
        c.http(),
        new NodeConfig.Cluster(
            k.name(), k.host(), k.port(), k.members(), k.joinWait(), retention, keepAuditOnGrid),
        c.dataDir(),
        c.trust(),
        c.limits(),
        c.leads(),
        c.security(),
        c.demo());
  }

  static String post(int node, String title) {
    Http.Response r =
        Http.postJson(
            cluster.url(node) + "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"%s",
             "narrative":"一辆晋B牌照厢式货车多次往返阳高、天镇运输卷烟。"}
            """
                .formatted(TestCluster.OFFICERS.get(node), title));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static Http.Response transition(int node, String id, String event) {
    return Http.postJson(
        cluster.url(node) + "/api/v1/leads/" + id + "/transitions",
        "{\"event\":\"%s\",\"officer\":\"%s\"}".formatted(event, TestCluster.OFFICERS.get(node)));
  }

  static String share(int node, String number) {
    Http.Response r =
        Http.postJson(
            cluster.url(node) + "/api/v1/cases",
            """
            {"caseNumber":"%s","category":"无证运输","foundOn":"2025-03-02",
             "filedOn":"2025-03-02","valueYuan":"27000","disposition":"PENDING",
             "narrative":"兴和县物流点查获无证运输卷烟，送货车辆蒙J8K316。",
             "location":{"countyCode":"150924","town":"城关镇","address":"兴和县城关镇物流园"},
             "entities":[{"type":"PLATE","value":"蒙J·8K316"}],
             "items":[{"brand":"中华","spec":"硬","quantity":"60条"}]}
            """
                .formatted(number));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static IMap<String, String> grid(String map) {
    return cluster.node(0).hazelcast().getMap(map);
  }

  static void servedEverywhere(String path) {
    for (int n = 0; n < 3; n++) {
      String url = cluster.url(n) + path;
      Await.until(WAIT, () -> Http.get(url).status() == 200, path + " on node " + n);
    }
  }

  static void offTheGrid(String lead, String caseId) {
    Await.until(
        WAIT,
        () ->
            !grid(GridConfig.LEADS).containsKey(lead)
                && !grid(GridConfig.CASES).containsKey(caseId),
        "lead " + lead + " and case " + caseId + " off the grid");
  }

  static String writer() {
    return TestCluster.BUREAUS.get(0).code();
  }

  /**
   * After {@link #writer}'s node signed entries after seq {@code after} more than a retention ago:
   * notes them (up to its chain's head, read from its store) and awaits them off the grid.
   */
  static void auditWritten(long after) throws Exception {
    String own = cluster.url(0) + "/api/v1/audit/chains/" + writer();
    Await.until(
        WAIT, () -> Http.get(own).json().path("headSeq").asLong() > after, "entries signed");
    auditHead = Http.get(own).json().path("headSeq").asLong();
    auditValue = null;
    for (String line : Http.get(cluster.url(0) + "/api/v1/audit/export").body().split("\n")) {
      JsonNode e = Json.mapper().readTree(line);
      if (writer().equals(e.path("signer").asText())
          && e.at("/payload/seq").asLong() == auditHead) {
        auditValue = line;
      }
    }
    assertThat(auditValue).as("head entry in the export").isNotNull();
    for (long seq = after + 1; seq <= auditHead; seq++) {
      auditGone.add(writer() + "/" + seq);
    }
    Await.until(
        WAIT,
        () -> auditGone.stream().noneMatch(grid(GridConfig.AUDIT)::containsKey),
        "audit entries up to " + auditHead + " off the grid");
  }

  /** {@link #writer}'s chain verified intact up to {@link #auditHead} on node {@code n}. */
  static void chainServed(int n) {
    String url = cluster.url(n) + "/api/v1/audit/chains/" + writer();
    Await.until(
        WAIT,
        () -> {
          JsonNode v = Http.get(url).json();
          return v.path("intact").asBoolean() && v.path("headSeq").asLong() >= auditHead;
        },
        "audit chain intact up to " + auditHead + " on node " + n);
    Http.Response export = Http.get(cluster.url(n) + "/api/v1/audit/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body()).contains(auditValue);
  }

  /** {@code what} holds now and still after {@code d} (an absence cannot be awaited). */
  static void holdsFor(Duration d, java.util.function.BooleanSupplier what, String description) {
    long end = System.nanoTime() + d.toNanos();
    do {
      assertThat(what.getAsBoolean()).as(description).isTrue();
      Thread.onSpinWait();
    } while (System.nanoTime() < end);
  }

  @Test
  @Order(1)
  void aWithdrawnLeadAndACaseLeaveTheGridAndAreStillServedAnOpenLeadStays() throws Exception {
    String lead = post(0, "退出网格的线索");
    openLead = post(0, "一直在网格上的线索");
    assertThat(transition(0, lead, "WITHDRAW").status()).isEqualTo(200);
    withdrawnValue = grid(GridConfig.LEADS).get(lead);
    assertThat(withdrawnValue).contains("WITHDRAW");
    String caseId = share(0, "兴烟立字〔2025〕第901号");
    assertThat(grid(GridConfig.CASES).containsKey(caseId)).isTrue();
    servedEverywhere("/api/v1/leads/" + lead);
    servedEverywhere("/api/v1/cases/" + caseId);

    offTheGrid(lead, caseId);
    gone.add(lead);
    gone.add(caseId);
    auditWritten(0);
    for (int n = 0; n < 3; n++) {
      chainServed(n);
      JsonNode l = Http.get(cluster.url(n) + "/api/v1/leads/" + lead).json();
      assertThat(l.at("/status/state").asText()).isEqualTo("WITHDRAWN");
      assertThat(l.at("/proof/verified").asBoolean()).isTrue();
      Http.Response c = Http.get(cluster.url(n) + "/api/v1/cases/" + caseId);
      assertThat(c.status()).as(c.body()).isEqualTo(200);
      assertThat(c.body()).contains("兴烟立字〔2025〕第901号");
    }
    // a claim of the lead that left the grid: the lifecycle's answer, and it stays off the grid
    Http.Response claim = transition(1, lead, "CLAIM");
    assertThat(claim.status()).as(claim.body()).isEqualTo(409);
    assertThat(claim.contentType()).startsWith("application/problem+json");
    assertThat(grid(GridConfig.LEADS).containsKey(lead)).isFalse();
    // the open lead is on the grid a retention and more after it was posted
    holdsFor(
        Duration.ofSeconds(RETENTION_S),
        () -> grid(GridConfig.LEADS).containsKey(openLead),
        "open lead on the grid");
  }

  @Test
  @Order(2)
  void aNodeThatWasDownGetsWhatLeftTheGridFromAPeersStore() throws Exception {
    cluster.stop(2);
    long before = auditHead;
    String lead = post(0, "节点停机期间办结的线索");
    assertThat(transition(0, lead, "WITHDRAW").status()).isEqualTo(200);
    String caseId = share(0, "兴烟立字〔2025〕第902号");
    offTheGrid(lead, caseId);
    gone.add(lead);
    gone.add(caseId);
    auditWritten(before);

    cluster.start(2);
    String url = cluster.url(2);
    Await.until(
        WAIT, () -> Http.get(url + "/api/v1/leads/" + lead).status() == 200, "lead on node 2");
    Await.until(
        WAIT, () -> Http.get(url + "/api/v1/cases/" + caseId).status() == 200, "case on node 2");
    assertThat(Http.get(url + "/api/v1/leads/" + lead).json().at("/status/state").asText())
        .isEqualTo("WITHDRAWN");
    chainServed(2);
    // and it agrees with its peers afterwards: an exchange (after the one that may be running)
    // fetches nothing more
    cluster.node(2).catchUp().toCompletionStage().toCompletableFuture().get();
    StoreExchange.Report again =
        cluster.node(2).catchUp().toCompletionStage().toCompletableFuture().get();
    assertThat(again.fetched()).isZero();
    assertThat(again.peersAnswered()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void aFullClusterRestartPutsBackTheOpenLeadOnly() throws Exception {
    for (int i = 2; i >= 0; i--) {
      cluster.stop(i);
    }
    for (int i = 0; i < 3; i++) {
      cluster.start(i);
    }
    Await.until(
        WAIT, () -> grid(GridConfig.LEADS).containsKey(openLead), "open lead put back on the grid");
    holdsFor(
        Duration.ofSeconds(2),
        () ->
            gone.stream()
                .noneMatch(
                    id ->
                        grid(GridConfig.LEADS).containsKey(id)
                            || grid(GridConfig.CASES).containsKey(id)),
        "records past their retention stay off the grid");
    assertThat(auditGone.stream().noneMatch(grid(GridConfig.AUDIT)::containsKey))
        .as("audit entries past their retention stay off the grid")
        .isTrue();
    for (int n = 0; n < 3; n++) {
      chainServed(n);
    }
    for (String id : gone) {
      String path = (id.equals(gone.get(0)) || id.equals(gone.get(2)) ? "leads/" : "cases/") + id;
      servedEverywhere("/api/v1/" + path);
    }
  }

  @Test
  @Order(4)
  void aForgedRecordFromAPeersStoreIsQuarantinedNotStored() throws Exception {
    // a record of node 0's, altered: the stolen signature no longer matches, under an id nobody has
    String lead = gone.get(0);
    ArrayNode envs = (ArrayNode) Json.mapper().readTree(withdrawnValue);
    String forgedId = lead.substring(0, lead.length() - 8) + "ZZZZZZZZ";
    ((ObjectNode) envs.get(0).get("payload").get("lead")).put("id", forgedId);
    String forged = Json.mapper().writeValueAsString(envs);

    // 天镇县's node is down and something else answers at its address
    cluster.stop(1);
    int bucket = RecordBuckets.of(forgedId);
    MessageConsumer<JsonObject> fake =
        cluster
            .node(0)
            .vertx()
            .eventBus()
            .consumer(
                StoreExchange.address("140222"),
                m -> {
                  JsonObject q = m.body();
                  boolean leads = "lead".equals(q.getString("kind"));
                  switch (q.getString("op")) {
                    case "digests" -> {
                      long[] d = new long[RecordBuckets.COUNT];
                      if (leads) {
                        d[bucket] = 42;
                      }
                      ByteBuffer b = ByteBuffer.allocate(d.length * 8);
                      for (long x : d) {
                        b.putLong(x);
                      }
                      m.reply(
                          new JsonObject()
                              .put("digests", Base64.getEncoder().encodeToString(b.array())));
                    }
                    case "hashes" ->
                        m.reply(
                            new JsonObject()
                                .put(
                                    "hashes",
                                    leads && q.getJsonArray("buckets").contains(bucket)
                                        ? new JsonObject().put(forgedId, "0".repeat(64))
                                        : new JsonObject()));
                    default ->
                        m.reply(
                            new JsonObject()
                                .put("records", new JsonObject().put(forgedId, forged)));
                  }
                });
    fake.completion().toCompletionStage().toCompletableFuture().get();
    try {
      StoreExchange.Report r =
          cluster.node(2).catchUp().toCompletionStage().toCompletableFuture().get();
      assertThat(r.fetched()).isGreaterThanOrEqualTo(1);
      assertThat(r.taken()).isZero();
      Await.until(WAIT, () -> quarantined(2, "lead/" + forgedId), "forged lead quarantined");
      Http.Response served = Http.get(cluster.url(2) + "/api/v1/leads/" + forgedId);
      assertThat(served.status()).isEqualTo(404);
      assertThat(served.contentType()).startsWith("application/problem+json");
    } finally {
      fake.unregister();
    }
  }

  @Test
  @Order(5)
  void auditEntriesStayOnTheGridWhileAMemberDoesNotAnnounceTheirRetentionAndLeaveOnceAllDo()
      throws Exception {
    // 天镇县's node comes back as a member that reads chains from the grid (an earlier release, or
    // cluster.keepAuditOnGrid): the other nodes publish their whole chains again, to stay
    cluster.reconfigure(1, c -> withGrid(c, c.cluster().gridRetention(), true));
    cluster.start(1);
    Await.until(
        WAIT,
        () -> auditGone.stream().allMatch(grid(GridConfig.AUDIT)::containsKey),
        "entries past their retention published again while a member does not announce it");
    long before = auditHead;
    String lead = post(0, "有成员在网格上核验审计链时的线索");
    String own = cluster.url(0) + "/api/v1/audit/chains/" + writer();
    Await.until(WAIT, () -> Http.get(own).json().path("headSeq").asLong() > before, "entry signed");
    long head = Http.get(own).json().path("headSeq").asLong();
    String key = writer() + "/" + head;
    holdsFor(
        Duration.ofSeconds(RETENTION_S + 2L),
        () -> grid(GridConfig.AUDIT).containsKey(key),
        "a new entry stays past its retention");
    chainServed(1);

    // back as a member that announces it: the entries past their retention leave the grid again
    cluster.stop(1);
    cluster.reconfigure(1, c -> withGrid(c, c.cluster().gridRetention(), false));
    cluster.start(1);
    Await.until(
        WAIT,
        () ->
            !grid(GridConfig.AUDIT).containsKey(key)
                && auditGone.stream().noneMatch(grid(GridConfig.AUDIT)::containsKey),
        "entries past their retention off the grid once every member announces it");
    for (int n = 0; n < 3; n++) {
      chainServed(n);
      assertThat(Http.get(cluster.url(n) + "/api/v1/leads/" + lead).status()).isEqualTo(200);
    }
  }

  static boolean quarantined(int node, String recordKey) {
    for (JsonNode item :
        Http.get(cluster.url(node) + "/api/v1/admin/quarantine").json().get("items")) {
      if (recordKey.equals(item.path("recordKey").asText())) {
        return true;
      }
    }
    return false;
  }
}
