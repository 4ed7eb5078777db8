package io.liaison.node.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes agree the rules of working leads: 兴和县 proposes version 1 (feedback within 10
 * days, major cases from 5万元), 天镇县 and 阳高县 sign the same content; only then is it in force, on
 * every node. A node invents no feedback period meanwhile.
 */
class SettingsIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String V1 =
      "{\"version\":1,\"feedbackPeriodDays\":10,\"overdueRemindDays\":5,\"escalateAfterDays\":15,"
          + "\"majorCaseThresholdFen\":5000000,\"basis\":\"蒙晋冀毗邻县局打假打私协作机制（2020）\"}";

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

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  @Test
  void aVersionIsInForceOnlyOnceEveryBureauSignedTheSameContent() {
    // nothing agreed: no settings in force, and no invented feedback period
    JsonNode none = Http.get(url(0, "/api/v1/settings")).json();
    assertThat(none.path("inForce").isMissingNode()).isTrue();
    assertThat(cluster.node(0).settings().feedbackPeriod()).isEmpty();

    // every invalid field named at once
    Http.Response bad =
        Http.postJson(
            url(0, "/api/v1/settings"),
            "{\"version\":1,\"feedbackPeriodDays\":0,\"overdueRemindDays\":-1,"
                + "\"escalateAfterDays\":0,\"majorCaseThresholdFen\":0,\"basis\":\" \"}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "/feedbackPeriodDays", "/overdueRemindDays", "/majorCaseThresholdFen", "/basis");
    // the next version is 1
    Http.Response skip =
        Http.postJson(url(0, "/api/v1/settings"), V1.replace("\"version\":1", "\"version\":2"));
    assertThat(skip.status()).as(skip.body()).isEqualTo(409);

    Http.Response proposed = Http.postJson(url(0, "/api/v1/settings"), V1);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    JsonNode p = proposed.json().at("/proposals/0");
    String hash = p.get("contentHash").asText();
    assertThat(p.get("proposedBy").asText()).isEqualTo("150924");
    assertThat(p.at("/agreed/0/officer").asText()).isEqualTo(TestCluster.OFFICERS.get(0));
    assertThat(p.get("awaiting").toString()).contains("140222", "140221");
    Http.Response again = Http.postJson(url(0, "/api/v1/settings"), V1);
    assertThat(again.status()).as("a second version 1 from the same bureau").isEqualTo(409);

    // 天镇县 sees the proposal and signs it; a wrong content hash signs nothing
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/settings")).json().get("proposals").size() == 1,
        "proposal on 天镇县");
    Http.Response wrong =
        Http.postJson(
            url(1, "/api/v1/settings/1/agreement"), "{\"contentHash\":\"" + "0".repeat(64) + "\"}");
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
    Http.Response signed =
        Http.postJson(url(1, "/api/v1/settings/1/agreement"), "{\"contentHash\":\"" + hash + "\"}");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.json().at("/proposals/0/awaiting").toString()).isEqualTo("[\"140221\"]");
    assertThat(signed.json().path("inForce").isMissingNode()).isTrue();
    assertThat(cluster.node(1).settings().feedbackPeriod()).isEmpty();

    // 阳高县 signs last: in force everywhere
    Await.until(
        WAIT,
        () -> Http.get(url(2, "/api/v1/settings")).json().at("/proposals/0/agreed").size() == 2,
        "both signatures on 阳高县");
    Http.Response last =
        Http.postJson(url(2, "/api/v1/settings/1/agreement"), "{\"contentHash\":\"" + hash + "\"}");
    assertThat(last.status()).as(last.body()).isEqualTo(200);
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          WAIT,
          () -> !Http.get(url(node, "/api/v1/settings")).json().path("inForce").isMissingNode(),
          "in force on node " + n);
      JsonNode in = Http.get(url(node, "/api/v1/settings")).json().get("inForce");
      assertThat(in.at("/settings/feedbackPeriodDays").asInt()).isEqualTo(10);
      assertThat(in.at("/settings/majorCaseThresholdFen").asLong()).isEqualTo(5_000_000L);
      assertThat(in.get("agreed").size()).isEqualTo(3);
      assertThat(cluster.node(node).settings().feedbackPeriod()).contains(Duration.ofDays(10));
    }
  }

  @Test
  void aForgedAgreementOnTheGridCountsForNobody() {
    // 兴和县's node files an envelope of its own under 阳高县's key for a version 7
    String forged =
        "{\"payload\":{\"type\":\"region-settings\"},\"signer\":\"150924\",\"keyId\":\"x\","
            + "\"signedAt\":\"2026-01-01T00:00:00Z\",\"prevHash\":\""
            + "0".repeat(64)
            + "\",\"signature\":\"AAAA\"}";
    cluster.node(0).hazelcast().getMap(SettingsService.MAP).set("settings-7-140221", forged);
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/admin/quarantine")).body().contains("settings-7-140221"),
        "quarantined on 天镇县");
    assertThat(Http.get(url(1, "/api/v1/settings")).body()).doesNotContain("\"version\":7");
  }
}
