package io.liaison.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import io.liaison.node.trust.SignedIntake;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes: cases of two bureaus that share a plate and a phone form one cross-border
 * network with the same merge proposal on every node; both bureaus accept with signed decisions,
 * every node sees the merge accepted with its lead bureau, the stored decisions verify with the
 * roster, and a tampered decision on the grid is quarantined and put back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkMergeIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String XINGHE_CASE = "case:150924:兴烟立字〔2026〕第7001号";
  static final String TIANZHEN_CASE = "case:140222:天烟立字〔2026〕第7002号";

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  static String caseBody(String number, String county, String foundOn, String narrative) {
    return caseBody(number, county, foundOn, narrative, "蒙J·5Q318", "13947161234");
  }

  static String caseBody(
      String number, String county, String foundOn, String narrative, String plate, String phone) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number)
        .put("category", "无证运输")
        .put("foundOn", foundOn)
        .put("filedOn", foundOn)
        .put("valueYuan", "27000")
        .put("disposition", "PENDING")
        .put("narrative", narrative);
    c.putObject("location")
        .put("countyCode", county)
        .put("town", "城关镇")
        .put("address", county.equals("150924") ? "兴和县城关镇307国道检查站" : "天镇县玉泉镇物流园");
    var entities = c.putArray("entities");
    entities.addObject().put("type", "PLATE").put("value", plate);
    entities.addObject().put("type", "PHONE").put("value", phone);
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "60条");
    return c.toString();
  }

  @Test
  void aCrossBorderNetworkIsProposedAcceptedByBothBureausAndSignedDecisionsVerify() {
    Http.Response a =
        Http.postJson(
            cluster.url(0) + "/api/v1/cases",
            caseBody(
                "兴烟立字〔2026〕第7001号",
                "150924",
                "2026-09-12",
                "在兴和县307国道拦截蒙J·5Q318面包车，查获卷烟六十条，驾驶员手机13947161234。"));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    Http.Response b =
        Http.postJson(
            cluster.url(1) + "/api/v1/cases",
            caseBody(
                "天烟立字〔2026〕第7002号",
                "140222",
                "2026-10-02",
                "天镇县物流点查获无证运输卷烟，收货人电话139-4716-1234，送货车辆蒙J5Q318。"));
    assertThat(b.status()).as(b.body()).isEqualTo(201);

    // the same network and proposal on every node
    List<String> proposalIds = new ArrayList<>();
    String networkId = null;
    for (int i = 0; i < 3; i++) {
      JsonNode entry = awaitNetwork(i);
      assertThat(entry.at("/network/bureaus").toString()).contains("150924", "140222");
      assertThat(entry.at("/network/sticks").asLong()).isEqualTo(24_000);
      assertThat(entry.at("/network/keyEntities").toString()).contains("PLATE", "PHONE");
      proposalIds.add(entry.get("proposalId").asText());
      networkId = entry.at("/network/id").asText();
    }
    assertThat(proposalIds).allMatch(p -> p.equals(proposalIds.get(0)) && p.startsWith("mp-"));
    String pid = proposalIds.get(0);

    JsonNode detail = Http.get(cluster.url(2) + "/api/v1/networks/" + enc(networkId)).json();
    assertThat(detail.at("/graph/nodes").findValuesAsText("id"))
        .containsExactlyInAnyOrder(XINGHE_CASE, TIANZHEN_CASE);
    assertThat(detail.at("/graph/edges")).hasSize(1);
    assertThat(detail.at("/graph/edges/0/evidence").findValuesAsText("type"))
        .contains("PLATE", "PHONE");
    assertThat(detail.at("/proposal/id").asText()).isEqualTo(pid);
    assertThat(Http.get(cluster.url(2) + "/api/v1/networks/net-nope").status()).isEqualTo(404);

    // nobody decides in another officer's name
    Http.Response impersonated = decide(0, pid, "ACCEPT", TestCluster.OFFICERS.get(1), "150924");
    assertThat(impersonated.status()).as(impersonated.body()).isEqualTo(403);
    Http.Response bad = decide(0, pid, "MAYBE", TestCluster.OFFICERS.get(0), null);
    assertThat(bad.status()).isEqualTo(422);
    Http.Response extra =
        Http.postJson(
            cluster.url(0) + "/api/v1/networks/proposals/" + pid + "/decision",
            "{\"decision\":\"ACCEPT\",\"officer\":\"%s\",\"votes\":3}"
                .formatted(TestCluster.OFFICERS.get(0)));
    assertThat(extra.status()).as(extra.body()).isEqualTo(422);
    assertThat(extra.body()).contains("unknown-field").contains("votes");

    Http.Response first = decide(0, pid, "ACCEPT", TestCluster.OFFICERS.get(0), "150924");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().at("/status/state").asText()).isEqualTo("OPEN");
    assertThat(decide(0, pid, "DECLINE", TestCluster.OFFICERS.get(0), null).status())
        .isEqualTo(409);
    Http.Response second = decide(1, pid, "ACCEPT", TestCluster.OFFICERS.get(1), "150924");
    assertThat(second.status()).as(second.body()).isEqualTo(201);

    for (int i = 0; i < 3; i++) {
      int node = i;
      Await.until(
          WAIT,
          () -> "ACCEPTED".equals(proposal(node, pid).at("/status/state").asText()),
          "merge accepted on node " + node);
      JsonNode p = proposal(node, pid);
      assertThat(p.at("/status/leadBureau").asText()).isEqualTo("150924");
      assertThat(p.at("/status/coHandling").toString()).isEqualTo("[\"140222\"]");
      JsonNode decisions = p.get("decisions");
      assertThat(decisions)
          .extracting(d -> d.get("bureau").asText())
          .containsExactly("140222", "150924");
      for (JsonNode d : decisions) {
        SignedEnvelope env =
            SignedEnvelope.fromJson(d.get("envelope").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(cluster.node(2).trust().verify(env).isValid()).isTrue();
        assertThat(env.signer().code()).isEqualTo(d.get("bureau").asText());
        assertThat(env.payload().get("type").asText()).isEqualTo("merge.decision");
        assertThat(env.payload().get("proposalId").asText()).isEqualTo(pid);

        assertThat(env.payload().get("members").toString()).contains(XINGHE_CASE, TIANZHEN_CASE);
      }
    }

    // both involved bureaus were told: proposed, each decision, accepted (replayed from the start)
    for (int i = 0; i < 2; i++) {
      try (SseClient feed = new SseClient(cluster.url(i) + "/api/v1/events", 0L)) {
        Await.until(
            WAIT,
            () ->
                feed.events().stream()
                    .filter(e -> e.data().contains(pid))
                    .map(SseClient.Event::type)
                    .toList()
                    .containsAll(List.of("merge.proposed", "merge.decided", "merge.accepted")),
            "merge notifications on node " + i);
        assertThat(
                feed.events().stream()
                    .filter(e -> e.type().equals("merge.decided") && e.data().contains(pid)))
            .hasSize(2);
      }
    }

    // a decision altered on the grid fails verification everywhere and is put back
    IMap<String, String> grid = cluster.node(2).hazelcast().getMap("liaison.merge");
    String key = pid + "/150924";
    String original = grid.get(key);
    String forged = original.replace("\"ACCEPT\"", "\"DECLINE\"");
    assertThat(forged).isNotEqualTo(original);
    grid.put(key, forged);
    for (int i = 0; i < 3; i++) {
      int node = i;
      Await.until(
          WAIT,
          () ->
              Http.get(cluster.url(node) + "/api/v1/admin/quarantine")
                  .json()
                  .get("items")
                  .findValuesAsText("recordKey")
                  .contains("merge/" + key),
          "forged decision quarantined on node " + node);
      assertThat(proposal(node, pid).at("/status/state").asText()).isEqualTo("ACCEPTED");
    }
    Await.until(WAIT, () -> original.equals(grid.get(key)), "grid entry put back");
  }

  @Test
  void aLinkToARestrictedLeadTellsBothOwnersOfTheHitAndWhomToCallButNotWhatItSays() {
    String secret = "线人报称：蒙J·7H226每周三夜间经兴和县往阳高县送烟，联系电话13604786612。";
    Http.Response lead =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            """
            {"officer":"150924-017","category":"UNLICENSED_TRANSPORT","title":"夜间送烟车辆(限天镇)",
             "narrative":"%s","entities":[{"type":"PLATE","value":"蒙J·7H226"},
             {"type":"PHONE","value":"13604786612"}],
             "targetBureaus":["140222"],"distribution":"RESTRICTED"}
            """
                .formatted(secret));
    assertThat(lead.status()).as(lead.body()).isEqualTo(201);
    String leadId = lead.json().get("id").asText();
    String caseId = "case:140221:阳烟立字〔2026〕第7101号";
    // 阳高县 may not read the lead: a notice it signs for the pair ahead of the finders is refused
    // everywhere and cannot keep the owners from being told (once every node holds the lead's
    // clear routing metadata, which says who may read it)
    for (int node = 0; node < 3; node++) {
      int n = node;
      Await.until(
          WAIT,
          () -> Http.get(cluster.url(n) + "/api/v1/leads/" + leadId).status() == 200,
          "the restricted lead known on node " + n);
    }
    IMap<String, String> grid = cluster.node(2).hazelcast().getMap("liaison.hits");
    String key = "hit/" + leadId + "/" + caseId;
    String squatted = signedByYanggao(leadId, caseId);
    grid.put(key, squatted);
    Await.until(
        WAIT,
        () -> quarantined(0, "hits/" + key).contains("NOT_A_READER"),
        "notice of a non-reader refused");
    Http.Response c =
        Http.postJson(
            cluster.url(2) + "/api/v1/cases",
            caseBody(
                "阳烟立字〔2026〕第7101号",
                "140221",
                "2026-10-14",
                "阳高县检查站拦截面包车蒙J7H226，查获卷烟六十条，驾驶员电话136 0478 6612。",
                "蒙J7H226",
                "136-0478-6612"));
    assertThat(c.status()).as(c.body()).isEqualTo(201);

    // 阳高县 (may not read the lead) and 兴和县 (its owner) are told: a pointer and a contact
    for (int node : new int[] {2, 0}) {
      Await.until(
          WAIT,
          () -> hits(node).findValuesAsText("sealedRecordId").contains(leadId),
          "hit listed on node " + node);
      JsonNode hit = hits(node).get("hits").get(0);
      assertThat(hit.get("recordId").asText()).isEqualTo(caseId);
      assertThat(hit.get("recordBureau").asText()).isEqualTo("140221");
      assertThat(hit.get("owner").asText()).isEqualTo("150924");
      assertThat(hit.get("contact").asText()).contains("150924-017");
      assertThat(List.of("150924", "140222")).contains(hit.get("foundBy").asText());
      try (SseClient feed = new SseClient(cluster.url(node) + "/api/v1/events", 0L)) {
        Await.until(
            WAIT,
            () ->
                feed.events().stream()
                    .anyMatch(e -> e.type().equals("link.hit") && e.data().contains(leadId)),
            "hit event on node " + node);
        assertThat(feed.events().stream().filter(e -> e.type().equals("link.hit")))
            .allSatisfy(e -> assertThat(e.data()).doesNotContain("每周三").doesNotContain("7H226"));
      }
    }
    assertThat(Http.get(cluster.url(2) + "/api/v1/networks/hits").body())
        .doesNotContain("每周三")
        .doesNotContain("夜间送烟");
    // 天镇县 reads both, found the hit or saw it found, but it is not about its records
    assertThat(hits(1).findValuesAsText("sealedRecordId")).doesNotContain(leadId);
    // the restricted lead joins no network, on any node that reads it
    for (int node = 0; node < 2; node++) {
      assertThat(Http.get(cluster.url(node) + "/api/v1/networks").body()).doesNotContain(leadId);
    }
    // the finders' notice replaced the refused one
    String original = grid.get(key);
    assertThat(original).isNotEqualTo(squatted).contains("\"foundBy\":\"1");
    assertThat(SignedEnvelope.fromJson(original.getBytes(StandardCharsets.UTF_8)).signer().code())
        .isIn("150924", "140222");
    // a notice altered on the grid fails verification, is quarantined and put back
    grid.put(key, original.replace("\"recordBureau\":\"140221\"", "\"recordBureau\":\"150981\""));
    Await.until(
        WAIT,
        () -> quarantined(0, "hits/" + key).contains("BAD_SIGNATURE"),
        "altered hit notice quarantined");
    Await.until(WAIT, () -> original.equals(grid.get(key)), "hit notice put back");
  }

  @Test
  void aHitNoticeAboutALeadNobodyHoldsIsRefused() {
    // 阳高县 signs a notice about a "restricted lead" of 兴和县 that exists neither in any store nor
    // on the grid: the owner's node cannot check the finder against the lead's readers, and must
    // not take the finder's word for it
    String leadId = "150924-20261001-ZZZZZZZZ";
    String caseId = "case:140221:阳烟立字〔2026〕第7199号";
    assertThat(Http.get(cluster.url(0) + "/api/v1/leads/" + leadId).status()).isEqualTo(404);
    String key = "hit/" + leadId + "/" + caseId;
    cluster
        .node(2)
        .hazelcast()
        .<String, String>getMap("liaison.hits")
        .put(key, signedByYanggao(leadId, caseId));
    Await.until(
        WAIT,
        () -> quarantined(0, "hits/" + key).contains("NOT_A_READER"),
        "notice about an unknown lead refused by its supposed owner");
    assertThat(hits(0).findValuesAsText("sealedRecordId")).doesNotContain(leadId);
  }

  /**
   * A hit notice signed by 阳高县 (node 2) as the finder of a link between 兴和县's lead {@code leadId}
   * and its own case {@code caseId}: whether it may read that lead is for the owners to check.
   */
  static String signedByYanggao(String leadId, String caseId) {
    HitNotice n =
        new HitNotice(
            leadId,
            BureauId.of("150924"),
            "信息联络员 140221-001 (140221)",
            caseId,
            BureauId.of("140221"),
            BureauId.of("140221"));
    return SignedIntake.json(
        cluster.node(2).trust().sign(n.payload(), Hashes.GENESIS, Instant.now()));
  }

  /** The quarantine reasons recorded on {@code node} for {@code recordKey}. */
  static List<String> quarantined(int node, String recordKey) {
    List<String> reasons = new ArrayList<>();
    for (JsonNode item :
        Http.get(cluster.url(node) + "/api/v1/admin/quarantine").json().get("items")) {
      if (recordKey.equals(item.path("recordKey").asText())) {
        reasons.add(item.path("reason").asText());
      }
    }
    return reasons;
  }

  static JsonNode hits(int node) {
    Http.Response r = Http.get(cluster.url(node) + "/api/v1/networks/hits");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode awaitNetwork(int node) {
    JsonNode[] found = new JsonNode[1];
    Await.until(
        WAIT,
        () -> {
          for (JsonNode n :
              Http.get(cluster.url(node) + "/api/v1/networks").json().get("networks")) {
            List<String> ids = n.at("/network/members").findValuesAsText("id");
            if (ids.contains(XINGHE_CASE)
                && ids.contains(TIANZHEN_CASE)
                && n.hasNonNull("proposalId")) {
              found[0] = n;
              return true;
            }
          }
          return false;
        },
        "network with a proposal on node " + node);
    return found[0];
  }

  static JsonNode proposal(int node, String pid) {
    return Http.get(cluster.url(node) + "/api/v1/networks/proposals/" + pid).json();
  }

  static Http.Response decide(int node, String pid, String decision, String officer, String lead) {
    ObjectNode body =
        Json.mapper().createObjectNode().put("decision", decision).put("officer", officer);
    if (lead != null) {
      body.put("leadBureau", lead);
    }
    return Http.postJson(
        cluster.url(node) + "/api/v1/networks/proposals/" + pid + "/decision", body.toString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
