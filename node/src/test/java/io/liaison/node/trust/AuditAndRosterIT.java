package io.liaison.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.map.IMap;
import io.liaison.api.Json;
import io.liaison.crypto.AuditReport;
import io.liaison.crypto.ChainAuditor;
import io.liaison.crypto.ChainLayout;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.cluster.GridConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node verifies every bureau's audit chain from the entries it took in from the grid (a
 * deleted or edited entry on the grid is put back by every node, even with its bureau down); an
 * auditor verifies an export offline; a roster version that revokes a key reaches every node, and
 * the revoked bureau's node signs nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditAndRosterIT {
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

  static String post(int node) {
    Http.Response r =
        Http.postJson(
            cluster.url(node) + "/api/v1/leads",
            """
            {"officer":"%s","category":"ONLINE_PARCEL","title":"快递寄递卷烟",
             "narrative":"发现通过快递寄递卷烟,运单号SF1234567890123。"}
            """
                .formatted(TestCluster.OFFICERS.get(node)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  static JsonNode chain(int node, String bureau) {
    return Http.get(cluster.url(node) + "/api/v1/audit/chains/" + bureau).json();
  }

  @Test
  @Order(1)
  void everyNodeVerifiesEveryBureausChainAndAnAuditorVerifiesTheExport() throws Exception {
    for (int i = 0; i < 5; i++) {
      post(0);
      post(1);
    }
    Await.until(
        Duration.ofSeconds(10),
        () ->
            chain(2, "150924").get("entries").asInt() >= 5
                && chain(2, "140222").get("entries").asInt() >= 5,
        "chains published");
    JsonNode v = chain(2, "150924");
    assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();

    Http.Response export = Http.get(cluster.url(2) + "/api/v1/audit/export");
    assertThat(export.status()).isEqualTo(200);
    Path file = dir.resolve("export.jsonl");
    Files.writeString(file, export.body(), StandardCharsets.UTF_8);
    Roster roster = cluster.node(2).trust().roster();
    AuditReport report =
        new ChainAuditor(roster, ChainLayout.entries("audit.entry", "envelope")).audit(file);
    assertThat(report.allIntact()).as(report.render()).isTrue();
    assertThat(report.records()).isGreaterThanOrEqualTo(10);

    // an edited line in the export is caught
    String edited = export.body().replaceFirst("快递寄递卷烟", "无事发生");
    Files.writeString(file, edited, StandardCharsets.UTF_8);
    AuditReport bad =
        new ChainAuditor(roster, ChainLayout.entries("audit.entry", "envelope")).audit(file);
    assertThat(bad.allIntact()).isFalse();
  }

  @Test
  @Order(2)
  void aDeletedOrEditedChainEntryOnTheGridIsPutBackByEveryNodeEvenWithItsBureauDown()
      throws Exception {
    IMap<String, String> audit = cluster.node(0).hazelcast().getMap(GridConfig.AUDIT);
    String third = audit.get("140222/3");
    String second = audit.get("140222/2");
    // every node keeps the entries it verified (kind audit): while 天镇县's node is down the others
    // quarantine an edit and put back what was edited or deleted, and verify from their stores
    cluster.stop(1);
    ObjectNode edited = (ObjectNode) Json.mapper().readTree(third);
    ((ObjectNode) edited.get("payload")).put("record", "lead/140222-20260101-00000000");
    audit.put("140222/3", edited.toString());
    audit.delete("140222/2");
    Await.until(
        Duration.ofSeconds(10),
        () -> third.equals(audit.get("140222/3")) && second.equals(audit.get("140222/2")),
        "edited and deleted entries put back by the other nodes");
    for (int n : new int[] {0, 2}) {
      JsonNode v = chain(n, "140222");
      assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
      assertThat(v.get("entries").asInt()).isGreaterThanOrEqualTo(5);
      // the edit is not lost from sight: each node quarantined it (kept for the administrator)
      int node = n;
      Await.until(
          Duration.ofSeconds(10),
          () -> quarantined(node, "140222/3", "BAD_AUDIT_ENTRY"),
          "the edited entry in node " + n + "'s quarantine");
    }
    cluster.start(1);
    Await.until(
        Duration.ofSeconds(10),
        () -> chain(1, "140222").get("intact").asBoolean(),
        "天镇县's node back");
  }

  static boolean quarantined(int node, String recordKey, String reason) {
    for (JsonNode item :
        Http.get(cluster.url(node) + "/api/v1/admin/quarantine").json().get("items")) {
      if (recordKey.equals(item.path("recordKey").asText())
          && reason.equals(item.path("reason").asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  @Order(3)
  void aRevokedKeySignsNothingMoreAndItsEarlierRecordsStayValid() throws Exception {
    String before = post(2);
    SigningKeyPair authority = cluster.authority();
    Roster current = cluster.node(0).trust().roster();
    String revoked = cluster.keys(2).signing().keyId();
    Instant now = Instant.now();
    Roster next = current.withKeyRevoked(revoked, now, now);

    // a roster signed by someone else is refused
    SignedRoster forged = new RosterAuthority(SigningKeyPair.generate()).sign(next);
    Http.Response refused =
        Http.postJson(
            cluster.url(0) + "/api/v1/admin/roster",
            new String(forged.toJson(), StandardCharsets.UTF_8));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);

    SignedRoster signed = new RosterAuthority(authority).sign(next);
    Http.Response ok =
        Http.postJson(
            cluster.url(0) + "/api/v1/admin/roster",
            new String(signed.toJson(), StandardCharsets.UTF_8));
    assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    for (int i = 0; i < 3; i++) {
      int n = i;
      Await.until(
          Duration.ofSeconds(5),
          () ->
              Http.get(cluster.url(n) + "/api/v1/roster").json().get("version").asLong()
                  == next.version(),
          "roster adopted on node " + n);
    }
    Http.Response after =
        Http.postJson(
            cluster.url(2) + "/api/v1/leads",
            "{\"officer\":\"140221-001\",\"category\":\"OTHER\",\"title\":\"t\",\"narrative\":\"n\"}");
    assertThat(after.status()).isEqualTo(503);
    assertThat(after.json().get("type").asText()).endsWith("/signing-key-revoked");
    assertThat(Http.get(cluster.url(0) + "/api/v1/leads/" + before).status()).isEqualTo(200);
    assertThat(Files.exists(cluster.config(1).dataDir().resolve(RosterService.ADOPTED_FILE)))
        .isTrue();
  }
}
