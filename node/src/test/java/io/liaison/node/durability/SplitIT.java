package io.liaison.node.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.ProcessCluster;
import io.liaison.node.SseClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network split and its healing, with three nodes as separate processes. How the split is made:
 * neither network namespaces nor Hazelcast member-list manipulation, but the two sides run as two
 * separate clusters one after the other (majority side {兴和县, 天镇县}, then minority side {阳高县} alone),
 * each acknowledging what it is allowed to; then all three run together again. This is the state a
 * real split leaves behind: two stores with two different continuations of one lead.
 *
 * <p>The majority side claims the lead; the minority side may not claim (503, no majority) but its
 * oldest member expires the lead. After healing, every node keeps the same history (the
 * earliest-signed divergent transition wins: the claim), keeps the expiry as superseded, and tells
 * its officers about the conflict.
 */
class SplitIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;

  @TempDir static Path dir;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ProcessCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
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
                        + ProcessCluster.officer(node)
                        + "\"}")));
  }

  static JsonNode lead(int node, String id) {
    return Http.get(cluster.url(node) + "/api/v1/leads/" + id).json();
  }

  @Test
  void conflictingTransitionsOnBothSidesMergeDeterministicallyAndBothBureausAreTold()
      throws Exception {
    Http.Response posted =
        Http.postJson(
            cluster.url(XINGHE) + "/api/v1/leads",
            """
            {"officer":"150924-017","category":"UNLICENSED_TRADE","title":"无证批发线索",
             "narrative":"怀疑有人在两县交界处无证批发卷烟。","expiresAt":"%s"}
            """
                .formatted(Instant.now().plusSeconds(12)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String id = posted.json().get("id").asText();
    Await.until(
        Duration.ofSeconds(10),
        () -> Http.get(cluster.url(YANGGAO) + "/api/v1/leads/" + id).status() == 200,
        "lead on 阳高县");

    // side 1 (majority, 2 of 3): 天镇县 claims
    cluster.stop(YANGGAO);
    Http.Response claim = fire(TIANZHEN, id, "CLAIM");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);

    // side 2 (minority, 1 of 3): 阳高县 alone may not claim, but expires the lead
    cluster.stop(XINGHE);
    cluster.stop(TIANZHEN);
    cluster.start(YANGGAO);
    Http.Response minorityClaim = fire(YANGGAO, id, "CLAIM");
    assertThat(minorityClaim.status()).as(minorityClaim.body()).isEqualTo(503);
    assertThat(minorityClaim.json().get("type").asText()).endsWith("/no-majority");
    Await.until(
        Duration.ofSeconds(40),
        () -> lead(YANGGAO, id).at("/status/state").asText().equals("EXPIRED"),
        "expired on the minority side");

    // heal
    cluster.start(XINGHE);
    cluster.start(TIANZHEN);
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          Duration.ofSeconds(30),
          () -> {
            JsonNode v = lead(node, id);
            return v.at("/status/state").asText().equals("CLAIMED")
                && v.at("/status/owner").asText().equals("140222");
          },
          "merged result on node " + node);
      assertThat(lead(node, id).get("history").findValuesAsText("event")).containsExactly("CLAIM");
    }
    JsonNode superseded =
        Http.get(cluster.url(YANGGAO) + "/api/v1/leads/" + id + "/superseded").json();
    assertThat(superseded.get("items").findValuesAsText("signer")).contains("140221");
    assertThat(superseded.toString()).contains("EXPIRE");
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
}
