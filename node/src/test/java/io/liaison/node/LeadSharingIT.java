package io.liaison.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.Json;
import io.liaison.node.cluster.GridConfig;
import java.nio.file.Path;
import java.time.Duration;
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
 * Three real bureau nodes share signed leads: posted on one, seen on the others over HTTP and SSE;
 * forged or altered grid values are never served; bad input is refused with problem+json and stores
 * nothing; a node that stops and restarts catches up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadSharingIT {
  @TempDir static Path dir;
  static TestCluster cluster;

  static final String DRAFT =
      """
      {"officer":"150924-017","category":"UNLICENSED_TRANSPORT",
       "title":"蒙J·3K582 面包车夜间往天镇方向运烟",
       "narrative":"据群众举报,车牌号为蒙J·3K582的白色面包车每周二夜间经307国道往天镇县方向运输中华(硬)卷烟,联系电话138 0471 2233。",
       "entities":[{"type":"PLATE","value":"蒙J·3K582"},{"type":"PHONE","value":"138 0471 2233"}],
       "location":"兴和县城关镇307国道","urgency":"PRIORITY","targetBureaus":["140222"]}
      """;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  @Order(1)
  void leadPostedOnOneNodeIsServedAndStreamedByTheOthers() {
    try (SseClient sse2 = new SseClient(cluster.url(1) + "/api/v1/events", null);
        SseClient sse3 = new SseClient(cluster.url(2) + "/api/v1/events", null)) {
      Http.Response posted = Http.postJson(cluster.url(0) + "/api/v1/leads", DRAFT);
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);
      JsonNode view = posted.json();
      String id = view.get("id").asText();
      assertThat(view.at("/lead/title").asText()).isEqualTo("蒙J·3K582 面包车夜间往天镇方向运烟");
      assertThat(view.at("/proof/signer").asText()).isEqualTo("150924");
      assertThat(view.at("/proof/verified").asBoolean()).isTrue();

      for (int i = 1; i < 3; i++) {
        String url = cluster.url(i) + "/api/v1/leads/" + id;
        Await.until(Duration.ofSeconds(5), () -> Http.get(url).status() == 200, "lead on node");
        JsonNode seen = Http.get(url).json();
        assertThat(seen.at("/lead/narrative").asText()).contains("138 0471 2233");
        assertThat(seen.at("/proof/hash").asText()).isEqualTo(view.at("/proof/hash").asText());
      }
      for (SseClient sse : new SseClient[] {sse2, sse3}) {
        Await.until(
            Duration.ofSeconds(5),
            () -> sse.events().stream().anyMatch(e -> e.data().contains(id)),
            "SSE event for " + id);
        assertThat(sse.events()).anyMatch(e -> e.type().equals("lead.posted") && e.id() > 0);
      }
      JsonNode list = Http.get(cluster.url(2) + "/api/v1/leads?bureau=150924").json();
      assertThat(list.get("items").findValuesAsText("id")).contains(id);
    }
  }

  @Test
  @Order(2)
  void forgedAndAlteredGridValuesAreQuarantinedNotServed() throws Exception {
    String id = Http.postJson(cluster.url(0) + "/api/v1/leads", DRAFT).json().get("id").asText();
    IMap<String, String> grid = cluster.node(0).hazelcast().getMap(GridConfig.LEADS);
    Await.until(Duration.ofSeconds(5), () -> grid.get(id) != null, "lead on grid");
    long before = quarantineTotal(1);

    // an outsider alters the title of an existing lead in the grid
    ArrayNode envs = (ArrayNode) Json.mapper().readTree(grid.get(id));
    ((ObjectNode) envs.get(0).get("payload").get("lead")).put("title", "篡改的标题");
    String altered = Json.mapper().writeValueAsString(envs);
    grid.put(id, altered);

    // and forges a new lead under another id with the stolen signature
    String forgedId = id.substring(0, id.length() - 8) + "ZZZZZZZZ";
    ((ObjectNode) envs.get(0).get("payload").get("lead")).put("id", forgedId);
    grid.put(forgedId, Json.mapper().writeValueAsString(envs));

    Await.until(Duration.ofSeconds(5), () -> quarantineTotal(1) >= before + 2, "quarantine");
    for (int i = 0; i < 3; i++) {
      JsonNode served = Http.get(cluster.url(i) + "/api/v1/leads/" + id).json();
      assertThat(served.at("/lead/title").asText()).isNotEqualTo("篡改的标题");
      Http.Response forged = Http.get(cluster.url(i) + "/api/v1/leads/" + forgedId);
      assertThat(forged.status()).isEqualTo(404);
      assertThat(forged.contentType()).startsWith("application/problem+json");
    }
    JsonNode q = Http.get(cluster.url(1) + "/api/v1/admin/quarantine").json();
    assertThat(q.get("items").findValuesAsText("recordKey")).contains("lead/" + forgedId);
    assertThat(Http.get(cluster.url(1) + "/metrics").body()).contains("liaison_quarantined_total");
    // the grid entry was repaired from a node's verified copy
    Await.until(
        Duration.ofSeconds(5),
        () -> !grid.get(id).equals(altered),
        "grid repaired with valid copy");
  }

  @Test
  @Order(3)
  void badInputIsRefusedWithProblemJsonAndStoresNothing() {
    String url = cluster.url(0) + "/api/v1/leads";
    int before = Http.get(url + "?limit=200").json().get("items").size();

    assertProblem(Http.postJson(url, "{not json"), 400, "malformed-json", null);
    assertProblem(Http.post(url, "text/plain", DRAFT), 415, "unsupported-media-type", null);
    assertProblem(Http.postJson(url, "{\"officer\":\"x\"}"), 422, "invalid-field", "/category");
    assertProblem(
        Http.postJson(url, DRAFT.replace("\"PRIORITY\"", "42")), 422, "wrong-type", "/urgency");
    assertProblem(
        Http.postJson(url, DRAFT.replace("\"UNLICENSED_TRANSPORT\"", "\"SPEEDING\"")),
        422,
        "invalid-field",
        "/category");
    assertProblem(
        Http.postJson(url, DRAFT.replace("[\"140222\"]", "[\"999999\"]")),
        422,
        "unknown-bureau",
        "/targetBureaus/0");
    assertProblem(
        Http.postJson(url, DRAFT.replace("[\"140222\"]", "[\"12\"]")), 422, "invalid-field", null);
    assertProblem(
        Http.postJson(url, DRAFT.replace("\"officer\"", "\"colour\":\"red\",\"officer\"")),
        422,
        "unknown-field",
        null);
    assertProblem(
        Http.postJson(url, DRAFT.replace("蒙J·3K582 面包车", "x".repeat(300_000))),
        413,
        "body-too-large",
        null);
    assertProblem(
        Http.postJson(url, "[".repeat(100) + "]".repeat(100)), 400, "limits-exceeded", null);
    assertProblem(Http.get(url + "/..%2F..%2Fetc%2Fpasswd"), 404, "not-found", null);

    assertThat(Http.get(url + "?limit=200").json().get("items").size()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aStoppedNodeLeavesTheOthersServingAndCatchesUpOnRestart() throws Exception {
    cluster.stop(2);
    String id = Http.postJson(cluster.url(0) + "/api/v1/leads", DRAFT).json().get("id").asText();
    Await.until(
        Duration.ofSeconds(5),
        () -> Http.get(cluster.url(1) + "/api/v1/leads/" + id).status() == 200,
        "lead on node 2 while node 3 is down");
    cluster.start(2);
    assertThat(Http.get(cluster.url(2) + "/health/ready").status()).isEqualTo(200);
    assertThat(Http.get(cluster.url(2) + "/api/v1/leads/" + id).status()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void anOnlineBackupIsACompleteStoreFile() {
    Http.Response r = Http.post(cluster.url(0) + "/api/v1/admin/backup", "application/json", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Path file = Path.of(r.json().get("file").asText());
    try (var copy = io.liaison.node.store.Store.open(file)) {
      assertThat(copy.countRecords()).isGreaterThanOrEqualTo(3);
      assertThat(copy.chain()).isNotEmpty();
    }
  }

  @Test
  @Order(6)
  void theConsoleIsServed() {
    Http.Response r = Http.get(cluster.url(1) + "/console/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.body()).contains("线索");
  }

  @Test
  @Order(7)
  void anAttachmentIsFetchedFromItsOriginAndCheckedByHash() throws Exception {
    byte[] photo =
        ("现场照片 " + "x".repeat(300_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Http.Response up =
        Http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(cluster.url(0) + "/api/v1/attachments"))
                .header("Content-Type", "image/jpeg")
                .header("X-Filename", "scene.jpg")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(photo)));
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String hash = up.json().get("sha256").asText();
    assertThat(hash).isEqualTo(io.liaison.crypto.Hashes.sha256Hex(photo));
    String ref = up.body();
    String fetchUrl = cluster.url(1) + "/api/v1/attachments/" + hash + "?origin=150924";
    // not referenced by any lead yet: the origin does not relay it
    assertThat(Http.get(fetchUrl).status()).isEqualTo(404);
    Http.Response lead =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            DRAFT.replace("\"urgency\"", "\"attachments\":[" + ref + "],\"urgency\""));
    assertThat(lead.status()).as(lead.body()).isEqualTo(201);
    assertThat(lead.json().at("/lead/attachments/0/sha256").asText()).isEqualTo(hash);
    var r =
        Http.client()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fetchUrl))
                    .header("Authorization", "Bearer " + Http.token(cluster.url(1)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(photo);
    assertThat(
            Http.get(cluster.url(1) + "/api/v1/attachments/" + "0".repeat(64) + "?origin=150924")
                .status())
        .isEqualTo(404);
  }

  @Test
  @Order(8)
  void anExportImportsBackAndAnAlteredLineIsQuarantined() {
    Http.Response export = Http.get(cluster.url(0) + "/api/v1/admin/export/leads?bureau=150924");
    assertThat(export.status()).isEqualTo(200);
    List<String> lines = export.body().lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
    long before = quarantineTotal(1);
    String altered = lines.get(0).replaceFirst("蒙J·3K582 面包车", "已核实无问题");
    Http.Response imported =
        Http.post(
            cluster.url(1) + "/api/v1/admin/import/leads",
            "application/x-ndjson",
            String.join("\n", lines) + "\n" + altered.replace("\"id\"", "\"id\"") + "\n");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("lines").asInt()).isEqualTo(lines.size() + 1);
    assertThat(imported.json().get("taken").asInt()).isZero();
    assertThat(quarantineTotal(1)).isEqualTo(before + 1);
  }

  private static long quarantineTotal(int node) {
    return Http.get(cluster.url(node) + "/api/v1/admin/quarantine").json().get("total").asLong();
  }

  @Test
  @Order(9)
  void aClaimPutsBackALeadTheGridHasLost() {
    String id = Http.postJson(cluster.url(0) + "/api/v1/leads", DRAFT).json().get("id").asText();
    IMap<String, String> grid = cluster.node(0).hazelcast().getMap(GridConfig.LEADS);
    Await.until(
        Duration.ofSeconds(5),
        () -> Http.get(cluster.url(1) + "/api/v1/leads/" + id).status() == 200,
        "lead on node 2");
    // as after a full-cluster restart whose put-back has not reached this lead yet
    grid.delete(id);

    Http.Response claimed =
        Http.postJson(
            cluster.url(1) + "/api/v1/leads/" + id + "/transitions",
            "{\"event\":\"CLAIM\",\"officer\":\"140222-009\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    assertThat(claimed.json().at("/status/state").asText()).isEqualTo("CLAIMED");
    assertThat(grid.get(id)).isNotNull();
    for (int i = 0; i < 3; i++) {
      String url = cluster.url(i) + "/api/v1/leads/" + id;
      Await.until(
          Duration.ofSeconds(5),
          () -> Http.get(url).json().at("/status/state").asText().equals("CLAIMED"),
          "claimed on node " + (i + 1));
    }
  }

  private static void assertProblem(Http.Response r, int status, String type, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("type").asText()).endsWith("/" + type);
    assertThat(p.get("title").asText()).isNotBlank();
    if (field != null) {
      assertThat(p.get("field").asText()).isEqualTo(field);
    }
  }
}
