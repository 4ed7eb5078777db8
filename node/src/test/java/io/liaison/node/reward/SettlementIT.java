package io.liaison.node.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.domain.Refused;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes: 兴和县 pays 天镇县 its share of a case's reward and an informant (named by the register
 * line only); both signed entries reach 天镇县, chained; 天镇县 cannot book a payment for 兴和县, and an
 * edited entry on the grid is quarantined, counted by nobody.
 */
class SettlementIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final BureauId XINGHE = TestCluster.BUREAUS.get(0);
  static final BureauId TIANZHEN = TestCluster.BUREAUS.get(1);

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 2).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static SettlementDraft draft(
      BureauId payer, RewardKind kind, String lead, BureauId payee, long fen) {
    return new SettlementDraft(
        TestCluster.OFFICERS.get(0),
        payer,
        kind,
        "兴烟立字〔2026〕第123号",
        XINGHE,
        lead,
        payee,
        fen,
        1,
        LocalDate.of(2026, 6, 30),
        "2026年二季度兑现");
  }

  static List<Settlement> on(int node) throws Exception {
    return await(cluster.node(node).settlements().list());
  }

  /** A lead of 兴和县 whose source (举报, no identity given) is a line of 兴和县's register. */
  static String registeredLead() {
    Http.Response posted =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            """
            {"officer":"150924-017","category":"COUNTERFEIT","title":"张皋镇仓库存放假冒玉溪",
             "narrative":"群众举报张皋镇东口一处仓库存放假冒玉溪(软)约40件。",
             "targetBureaus":["140222"]}
            """);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String lead = posted.json().get("id").asText();
    Http.Response line =
        Http.postJson(
            cluster.url(0) + "/api/v1/informants/reports",
            "{\"officer\":\"150924-017\",\"leadId\":\"" + lead + "\",\"source\":\"REPORT\"}");
    assertThat(line.status()).as(line.body()).isEqualTo(201);
    return lead;
  }

  @Test
  void aPaymentIsSignedByItsPayerAndReachesTheNeighbour() throws Exception {
    String lead = registeredLead();
    Settlement share =
        await(
            cluster
                .node(0)
                .settlements()
                .settle(draft(XINGHE, RewardKind.LEAD_BUREAU, lead, TIANZHEN, 90_000)));
    Settlement informant =
        await(
            cluster
                .node(0)
                .settlements()
                .settle(draft(XINGHE, RewardKind.INFORMANT, lead, null, 100_000)));
    assertThat(share.id()).isEqualTo("settlement-150924-1");
    assertThat(informant.id()).isEqualTo("settlement-150924-2");
    // the register follows: the line is 已兑现, naming the entry
    var line = Http.get(cluster.url(0) + "/api/v1/informants/reports/" + lead).json();
    assertThat(line.path("rewardStatus").asText()).isEqualTo("PAID");
    assertThat(line.path("rewardNote").asText()).contains("settlement-150924-2", "100000");
    Await.until(WAIT, () -> unchecked(() -> on(1).size() == 2), "both entries on 天镇县");
    List<Settlement> there = on(1);
    assertThat(there)
        .extracting(Settlement::entry)
        .containsExactly(share.entry(), informant.entry());
    assertThat(there)
        .extracting(Settlement::envelopeHash)
        .containsExactly(share.envelopeHash(), informant.envelopeHash());
    assertThat(there.get(1).entry().payeeBureau()).isNull();

    // 天镇县 cannot book a payment 兴和县 makes
    assertThatThrownBy(
            () ->
                await(
                    cluster
                        .node(1)
                        .settlements()
                        .settle(draft(XINGHE, RewardKind.CASE_BUREAU, null, TIANZHEN, 5))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(Refused.class);

    // an informant is paid only through a line of the payer's own register: not a lead without
    // one, and not by 天镇县 for 兴和县's line (whether or not 天镇县's node holds it yet)
    assertThatThrownBy(
            () ->
                await(
                    cluster
                        .node(0)
                        .settlements()
                        .settle(draft(XINGHE, RewardKind.INFORMANT, "L-7", null, 5))))
        .hasCauseInstanceOf(Refused.class)
        .hasMessageContaining("register");
    assertThatThrownBy(
            () ->
                await(
                    cluster
                        .node(1)
                        .settlements()
                        .settle(draft(TIANZHEN, RewardKind.INFORMANT, lead, null, 5))))
        .hasCauseInstanceOf(Refused.class)
        .hasMessageContaining("register");
    assertThat(on(1)).hasSize(2);

    // an entry edited on the grid (the amount raised) is quarantined and counted by nobody
    String genuine =
        (String) cluster.node(0).hazelcast().getMap(SettlementService.MAP).get(share.id());
    String edited =
        genuine
            .replace("\"amountFen\":90000", "\"amountFen\":9000000")
            .replace("settlement-150924-1", "settlement-150924-9");
    assertThat(edited).isNotEqualTo(genuine).contains("9000000");
    cluster.node(0).hazelcast().getMap(SettlementService.MAP).set("settlement-150924-9", edited);
    Await.until(
        WAIT,
        () ->
            Http.get(cluster.url(1) + "/api/v1/admin/quarantine")
                .body()
                .contains("settlement-150924-9"),
        "quarantined on 天镇县");
    assertThat(on(1)).extracting(Settlement::id).doesNotContain("settlement-150924-9");
    assertThat(on(1)).hasSize(2);
  }

  interface Check {
    boolean get() throws Exception;
  }

  static boolean unchecked(Check c) {
    try {
      return c.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
