package io.liaison.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import io.liaison.node.cluster.GridConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on a shared grid: restricted leads are sealed to their recipients (a non-recipient node
 * stores and relays ciphertext only), and an outsider with a plain Hazelcast client on the link can
 * write to the grid but cannot get a forged or altered lead served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final String SECRET = "线人称运输车为冀G·5Q803,司机手机13903135566,每周五凌晨经过";

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static Http.Response fire(int node, String id, String body) {
    return Http.send(
        HttpRequest.newBuilder(
                URI.create(cluster.url(node) + "/api/v1/leads/" + id + "/transitions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void aRestrictedLeadIsReadableByItsRecipientsOnlyAndTheGridCarriesCiphertext() throws Exception {
    try (SseClient yanggaoFeed = new SseClient(cluster.url(YANGGAO) + "/api/v1/events", null)) {
      Http.Response posted =
          Http.postJson(
              cluster.url(XINGHE) + "/api/v1/leads",
              """
              {"officer":"150924-017","category":"SMUGGLING","title":"走私烟运输线索(限天镇)",
               "narrative":"%s","entities":[{"type":"PLATE","value":"冀G·5Q803"}],
               "targetBureaus":["140222"],"distribution":"RESTRICTED"}
              """
                  .formatted(SECRET));
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);
      String id = posted.json().get("id").asText();
      assertThat(posted.json().at("/lead/narrative").asText()).isEqualTo(SECRET);

      // the grid value holds no plaintext
      IMap<String, String> grid = cluster.node(XINGHE).hazelcast().getMap(GridConfig.LEADS);
      assertThat(grid.get(id)).doesNotContain("冀G·5Q803").doesNotContain("走私烟运输线索");

      String tianzhen = cluster.url(TIANZHEN) + "/api/v1/leads/" + id;
      String yanggao = cluster.url(YANGGAO) + "/api/v1/leads/" + id;
      Await.until(Duration.ofSeconds(5), () -> Http.get(tianzhen).status() == 200, "on 天镇县");
      Await.until(Duration.ofSeconds(5), () -> Http.get(yanggao).status() == 200, "on 阳高县");
      assertThat(Http.get(tianzhen).json().at("/lead/narrative").asText()).isEqualTo(SECRET);

      Http.Response outsider = Http.get(yanggao);
      assertThat(outsider.json().get("sealed").asBoolean()).isTrue();
      assertThat(outsider.json().has("lead")).isFalse();
      assertThat(outsider.body()).doesNotContain("冀G").doesNotContain("走私烟运输线索");
      assertThat(Http.get(cluster.url(YANGGAO) + "/api/v1/leads?limit=200").body())
          .doesNotContain("冀G");
      Await.until(
          Duration.ofSeconds(5),
          () -> yanggaoFeed.events().stream().anyMatch(e -> e.data().contains(id)),
          "sealed post event on 阳高县");
      assertThat(yanggaoFeed.events()).noneMatch(e -> e.data().contains("冀G"));

      // a non-recipient cannot claim it, and learns nothing from the refusal
      Http.Response claim = fire(YANGGAO, id, "{\"event\":\"CLAIM\",\"officer\":\"140221-001\"}");
      assertThat(claim.status()).isEqualTo(403);
      assertThat(claim.body()).doesNotContain("冀G");

      // the recipient claims and reports back; the feedback text is sealed too
      assertThat(fire(TIANZHEN, id, "{\"event\":\"CLAIM\",\"officer\":\"140222-009\"}").status())
          .isEqualTo(200);
      Http.Response fb =
          fire(
              TIANZHEN,
              id,
              "{\"event\":\"FEEDBACK\",\"officer\":\"140222-009\",\"feedback\":\"已在天镇收费站截获冀G·5Q803\"}");
      assertThat(fb.status()).as(fb.body()).isEqualTo(200);
      Await.until(
          Duration.ofSeconds(5),
          () ->
              Http.get(cluster.url(XINGHE) + "/api/v1/leads/" + id)
                  .json()
                  .at("/status/feedback/0/text")
                  .asText()
                  .contains("截获"),
          "feedback opened by the origin");
      Await.until(
          Duration.ofSeconds(5),
          () -> Http.get(yanggao).json().at("/status/version").asInt() == 3,
          "feedback relayed to 阳高县");
      assertThat(Http.get(yanggao).body()).doesNotContain("截获").contains("[sealed]");
      assertThat(grid.get(id)).doesNotContain("截获");
    }
  }

  @Test
  void aRogueGridClientCannotGetForgedOrAlteredLeadsServed() throws Exception {
    String id =
        Http.postJson(
                cluster.url(XINGHE) + "/api/v1/leads",
                """
                {"officer":"150924-017","category":"COUNTERFEIT","title":"真实线索",
                 "narrative":"兴和县张皋镇发现假烟窝点。"}
                """)
            .json()
            .get("id")
            .asText();
    long before =
        Http.get(cluster.url(TIANZHEN) + "/api/v1/admin/quarantine").json().get("total").asLong();

    ClientConfig cc = new ClientConfig();
    cc.setClusterName(cluster.config(0).cluster().name());
    cc.setProperty("hazelcast.logging.type", "slf4j");
    cc.getNetworkConfig()
        .addAddress("127.0.0.1:" + cluster.config(0).cluster().port())
        .setSmartRouting(true);
    HazelcastInstance rogue = HazelcastClient.newHazelcastClient(cc);
    try {
      IMap<String, String> grid = rogue.getMap(GridConfig.LEADS);
      Await.until(Duration.ofSeconds(5), () -> grid.get(id) != null, "lead visible to the rogue");
      String original = grid.get(id);

      // 1. alter an existing lead's narrative, keeping the signature
      ArrayNode altered = (ArrayNode) Json.mapper().readTree(original);
      ((ObjectNode) altered.get(0).at("/payload/lead")).put("narrative", "已核实无问题,请勿处理");
      grid.put(id, Json.mapper().writeValueAsString(altered));

      // 2. forge a lead in 兴和县's name with the rogue's own key (not in the roster)
      String forgedId = "150924-20260101-ROGUE000".replace("O", "0").replace("U", "V");
      SigningKeyPair rogueKey = SigningKeyPair.generate();
      ObjectNode lead = Json.mapper().createObjectNode();
      lead.put("id", forgedId).put("originBureau", "150924").put("officer", "150924-001");
      lead.put("postedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      lead.put("category", "OTHER").put("title", "伪造线索").put("narrative", "伪造的内容");
      ObjectNode payload = Json.mapper().createObjectNode().put("type", "lead.posted");
      payload.set("lead", lead);
      var forged =
          new EnvelopeSigner(BureauId.of("150924"), rogueKey)
              .sign(payload, Hashes.GENESIS, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      grid.put(forgedId, Json.mapper().writeValueAsString(List.of(forged)));

      // 3. replay a signed claim of another lead onto this one (wrong lead id, stale chain)
      JsonNode garbage = Json.mapper().readTree("[{\"payload\":{}}]");
      grid.put("150924-20260101-GARBAGE0".replace("O", "0"), garbage.toString());

      Await.until(
          Duration.ofSeconds(10),
          () ->
              Http.get(cluster.url(TIANZHEN) + "/api/v1/admin/quarantine")
                      .json()
                      .get("total")
                      .asLong()
                  >= before + 3,
          "three quarantined on 天镇县");
      for (int node = 0; node < 3; node++) {
        String base = cluster.url(node) + "/api/v1/leads/";
        assertThat(Http.get(base + id).json().at("/lead/narrative").asText())
            .isEqualTo("兴和县张皋镇发现假烟窝点。");
        assertThat(Http.get(base + forgedId).status()).isEqualTo(404);
      }
      JsonNode q = Http.get(cluster.url(YANGGAO) + "/api/v1/admin/quarantine").json();
      assertThat(q.get("items").findValuesAsText("reason")).contains("UNKNOWN_KEY");
      assertThat(Http.get(cluster.url(YANGGAO) + "/metrics").body())
          .contains("liaison_quarantined_total");
      // and a node repaired the altered entry from its verified copy
      Await.until(Duration.ofSeconds(5), () -> original.equals(grid.get(id)), "grid repaired");
    } finally {
      rogue.shutdown();
    }
  }
}
