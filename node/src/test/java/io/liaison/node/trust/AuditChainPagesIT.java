package io.liaison.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.cluster.GridConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain longer than one page of the store (500 entries) is verified and exported page by page in
 * seq order: 天镇县's node never starts, its 1,200 signed entries reach 兴和县's node through the grid
 * (verified and stored there); with seq 700 held back the chain shows the gap at its position, and
 * once it arrives the chain is intact up to 1,200 and the export lists every entry in seq order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainPagesIT {
  static final int ENTRIES = 1_200;
  static final int HELD_BACK = 700;

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 2);
    cluster.start(0); // 天镇县 (node 1) is in the roster but never runs
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static JsonNode chain(String bureau) {
    return Http.get(cluster.url(0) + "/api/v1/audit/chains/" + bureau).json();
  }

  @Test
  void aChainOfThreePagesIsVerifiedAndExportedInSeqOrderAndAGapShowsWhereItIs() throws Exception {
    BureauId tianzhen = cluster.keys(1).bureau();
    EnvelopeSigner signer = new EnvelopeSigner(tianzhen, cluster.keys(1).signing());
    List<String> values = new ArrayList<>();
    String prev = Hashes.GENESIS;
    Instant at = Instant.now().minusSeconds(20); // the roster's keys are valid from a minute ago
    for (int seq = 1; seq <= ENTRIES; seq++) {
      ObjectNode payload = Json.mapper().createObjectNode();
      payload.put("type", AuditLog.ENTRY);
      payload.put("seq", seq);
      payload.put("record", "lead/" + tianzhen.code() + "-20261207-" + String.format("%08d", seq));
      payload.put("event", "lead.posted");
      payload.put(
          "envelope", Hashes.sha256Hex(("envelope " + seq).getBytes(StandardCharsets.UTF_8)));
      SignedEnvelope e = signer.sign(payload, prev, at.plusMillis(seq));
      values.add(new String(e.toJson(), StandardCharsets.UTF_8));
      prev = e.hash();
    }
    var audit = cluster.node(0).hazelcast().<String, String>getMap(GridConfig.AUDIT);
    Map<String, String> all = new HashMap<>();
    for (int seq = 1; seq <= ENTRIES; seq++) {
      if (seq != HELD_BACK) {
        all.put(tianzhen.code() + "/" + seq, values.get(seq - 1));
      }
    }
    audit.putAll(all);
    Await.until(
        Duration.ofSeconds(60),
        () -> chain(tianzhen.code()).path("entries").asInt() == ENTRIES - 1,
        (ENTRIES - 1) + " entries taken in");
    JsonNode gap = chain(tianzhen.code());
    assertThat(gap.path("status").asText()).isEqualTo("GAP");
    assertThat(gap.path("position").asInt()).isEqualTo(HELD_BACK - 1);
    assertThat(gap.path("headSeq").asLong()).isEqualTo(HELD_BACK - 1);
    assertThat(gap.path("detail").asText()).contains("seq " + HELD_BACK + " missing");

    audit.put(tianzhen.code() + "/" + HELD_BACK, values.get(HELD_BACK - 1));
    Await.until(
        Duration.ofSeconds(30),
        () -> chain(tianzhen.code()).path("intact").asBoolean(),
        "the chain intact once seq " + HELD_BACK + " arrived");
    JsonNode intact = chain(tianzhen.code());
    assertThat(intact.path("entries").asInt()).isEqualTo(ENTRIES);
    assertThat(intact.path("headSeq").asLong()).isEqualTo(ENTRIES);

    List<Long> exported = new ArrayList<>();
    for (String line : Http.get(cluster.url(0) + "/api/v1/audit/export").body().split("\n")) {
      JsonNode e = Json.mapper().readTree(line);
      if (tianzhen.code().equals(e.path("signer").asText())
          && AuditLog.ENTRY.equals(e.at("/payload/type").asText())) {
        exported.add(e.at("/payload/seq").asLong());
      }
    }
    assertThat(exported).hasSize(ENTRIES).isSorted();
  }
}
