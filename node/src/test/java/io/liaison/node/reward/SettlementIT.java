package io.liaison.node.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes. The sharing rule is agreed like 协作约定 (both chiefs sign; a forged agreement is
 * quarantined) and a settlement uses the version in force on the case's filing day. 兴和县 made a case
 * from its own informant's lead and from 天镇县's lead; it pays 天镇县 its share and the informant (named
 * by the register line only); both signed entries reach 天镇县, chained; 天镇县 cannot book a payment for
 * 兴和县, and an edited entry on the grid is quarantined, counted by nobody. The credits, the measures
 * and the quarter's statement are the same on both nodes, as JSON, CSV and XLSX.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final BureauId XINGHE = TestCluster.BUREAUS.get(0);
  static final BureauId TIANZHEN = TestCluster.BUREAUS.get(1);
  static final String CASE = "兴烟立字〔2026〕第123号";
  static final String RULE_V1 =
      "{\"version\":1,\"leadBureauPercent\":30,\"informantBase\":\"FINE\","
          + "\"informantBasisPoints\":500,\"informantCapFen\":1000000,"
          + "\"basis\":\"2026年协作约定附件二\",\"effectiveFrom\":\"2026-01-01\"}";

  @TempDir static Path dir;
  static TestCluster cluster;
  static String informantLead;
  static String tianzhenLead;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 2).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** Signs a payment on {@code node} through its API (as that node's signed-in chief). */
  static Http.Response settle(int node, SettlementDraft d) throws Exception {
    return Http.postJson(
        url(node, "/api/v1/rewards/settlements"), Json.mapper().writeValueAsString(d));
  }

  static Settlement settled(int node, SettlementDraft d) throws Exception {
    Http.Response r = settle(node, d);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return Json.mapper().readValue(r.body(), Settlement.class);
  }

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  static SettlementDraft draft(
      BureauId payer, RewardKind kind, String lead, BureauId payee, long fen, long rule) {
    return new SettlementDraft(
        TestCluster.OFFICERS.get(payer.equals(XINGHE) ? 0 : 1),
        payer,
        kind,
        CASE,
        XINGHE,
        lead,
        payee,
        fen,
        rule,
        LocalDate.of(2026, 6, 30),
        "2026年二季度兑现");
  }

  static List<Settlement> on(int node) throws Exception {
    return Json.mapper()
        .readValue(
            Http.get(url(node, "/api/v1/rewards/settlements")).json().get("items").traverse(),
            new com.fasterxml.jackson.core.type.TypeReference<List<Settlement>>() {});
  }

  static String post(int node, String body) {
    Http.Response posted = Http.postJson(url(node, "/api/v1/leads"), body);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    return posted.json().get("id").asText();
  }

  @Test
  @Order(1)
  void theSharingRuleIsAgreedLikeTheSettingsAndUsedByTheCasesFilingDay() throws Exception {
    assertThat(Http.get(url(0, "/api/v1/rewards/rules")).json().path("inForce").isMissingNode())
        .isTrue();
    // every bad field named at once
    Http.Response bad =
        Http.postJson(
            url(0, "/api/v1/rewards/rules"),
            "{\"version\":1,\"leadBureauPercent\":101,\"informantBase\":\"FINE\","
                + "\"informantBasisPoints\":10001,\"informantCapFen\":0,\"basis\":\" \"}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "/leadBureauPercent",
            "/informantBasisPoints",
            "/informantCapFen",
            "/basis",
            "/effectiveFrom");

    Http.Response proposed = Http.postJson(url(0, "/api/v1/rewards/rules"), RULE_V1);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String hash = proposed.json().at("/proposals/0/contentHash").asText();
    assertThat(proposed.json().at("/proposals/0/awaiting").toString()).isEqualTo("[\"140222\"]");
    // only a chief's agreement of the content read counts; 天镇县 signs
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/rewards/rules")).json().get("proposals").size() == 1,
        "proposal on 天镇县");
    Http.Response wrong =
        Http.postJson(
            url(1, "/api/v1/rewards/rules/1/agreement"),
            "{\"contentHash\":\"" + "0".repeat(64) + "\"}");
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
    Http.Response signed =
        Http.postJson(
            url(1, "/api/v1/rewards/rules/1/agreement"), "{\"contentHash\":\"" + hash + "\"}");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.json().at("/inForce/rule/leadBureauPercent").asInt()).isEqualTo(30);
    // version 2 (40%) from 1 July, proposed by 天镇县 and signed by 兴和县
    Http.Response v2 =
        Http.postJson(
            url(1, "/api/v1/rewards/rules"),
            RULE_V1
                .replace("\"version\":1", "\"version\":2")
                .replace("30", "40")
                .replace("2026-01-01", "2026-07-01"));
    assertThat(v2.status()).as(v2.body()).isEqualTo(201);
    String hash2 = v2.json().at("/proposals/0/contentHash").asText();
    Await.until(
        WAIT,
        () -> Http.get(url(0, "/api/v1/rewards/rules")).json().get("proposals").size() == 1,
        "version 2 on 兴和县");
    Http.Response agreed2 =
        Http.postJson(
            url(0, "/api/v1/rewards/rules/2/agreement"), "{\"contentHash\":\"" + hash2 + "\"}");
    assertThat(agreed2.status()).as(agreed2.body()).isEqualTo(200);
    for (int n = 0; n < 2; n++) {
      int node = n;
      Await.until(
          WAIT,
          () ->
              Http.get(url(node, "/api/v1/rewards/rules"))
                      .json()
                      .at("/inForce/rule/version")
                      .asInt()
                  == 2,
          "version 2 in force on node " + n);
    }
    assertThat(Http.get(url(1, "/api/v1/rewards/rules")).json().get("agreed").size()).isEqualTo(2);

    // an agreement edited on the grid (the percentage raised) is quarantined, agreed by nobody
    String genuine =
        (String)
            cluster.node(1).hazelcast().getMap(SharingRuleService.MAP).get("sharing-rule-2-140222");
    String edited =
        genuine
            .replace("\"leadBureauPercent\":40", "\"leadBureauPercent\":90")
            .replace("\"version\":2", "\"version\":7");
    assertThat(edited).isNotEqualTo(genuine).contains("90");
    cluster.node(1).hazelcast().getMap(SharingRuleService.MAP).set("sharing-rule-7-140222", edited);
    Await.until(
        WAIT,
        () -> Http.get(url(0, "/api/v1/admin/quarantine")).body().contains("sharing-rule-7-140222"),
        "quarantined on 兴和县");
    assertThat(Http.get(url(0, "/api/v1/rewards/rules")).body()).doesNotContain("\"version\":7");
  }

  @Test
  @Order(2)
  void aPaymentIsSignedByItsPayerUnderTheRuleOfTheCaseAndReachesTheNeighbour() throws Exception {
    // 兴和县's lead from an informant (a line of its register, no identity given) ...
    informantLead =
        post(
            0,
            """
            {"officer":"150924-017","category":"COUNTERFEIT","title":"张皋镇仓库存放假冒玉溪",
             "narrative":"群众举报张皋镇东口一处仓库存放假冒玉溪(软)约40件。",
             "targetBureaus":["140222"]}
            """);
    Http.Response line =
        Http.postJson(
            url(0, "/api/v1/informants/reports"),
            "{\"officer\":\"150924-017\",\"leadId\":\""
                + informantLead
                + "\",\"source\":\"REPORT\"}");
    assertThat(line.status()).as(line.body()).isEqualTo(201);
    // ... and 天镇县's lead, claimed by 兴和县's officer
    tianzhenLead =
        post(
            1,
            """
            {"officer":"140222-009","category":"COUNTERFEIT","title":"晋B货车往兴和运假烟",
             "narrative":"天镇县查获线索：晋B·7Q210货车每周往兴和县张皋镇运送假冒玉溪。",
             "targetBureaus":["150924"]}
            """);
    Await.until(
        WAIT,
        () -> Http.get(url(0, "/api/v1/leads/" + tianzhenLead)).status() == 200,
        "天镇县's lead on 兴和县");
    Http.Response claim =
        Http.postJson(
            url(0, "/api/v1/leads/" + tianzhenLead + "/transitions"),
            "{\"event\":\"CLAIM\",\"officer\":\"150924-017\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);

    // no case held yet: the settlement names the field
    Http.Response noCase =
        settle(0, draft(XINGHE, RewardKind.LEAD_BUREAU, tianzhenLead, TIANZHEN, 5, 1));
    assertThat(noCase.status()).as(noCase.body()).isEqualTo(422);
    assertThat(noCase.body()).contains("no shared case", "/caseNumber");

    // the case 兴和县 made from both leads, filed 20 June (rule version 1)
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", CASE)
        .put("category", "涉假")
        .put("foundOn", "2026-06-20")
        .put("filedOn", "2026-06-20")
        .put("valueYuan", "62000")
        .put("disposition", "TRANSFERRED_TO_POLICE")
        .put("closedOn", "2026-06-28")
        .put("narrative", "兴和县张皋镇仓库查获假冒玉溪一批。");
    c.putObject("location").put("countyCode", "150924").put("address", "兴和县张皋镇东口");
    c.putArray("items").addObject().put("brand", "玉溪").put("spec", "软").put("quantity", "30条");
    c.putArray("linkedLeadIds").add(informantLead).add(tianzhenLead);
    Http.Response made = Http.postJson(url(0, "/api/v1/cases"), c.toString());
    assertThat(made.status()).as(made.body()).isEqualTo(201);

    // the rule in force on 20 June is version 1, not 2
    Http.Response v2 =
        Http.postJson(
            url(0, "/api/v1/rewards/settlements"),
            Json.mapper()
                .writeValueAsString(
                    draft(XINGHE, RewardKind.LEAD_BUREAU, tianzhenLead, TIANZHEN, 90_000, 2)));
    assertThat(v2.status()).as(v2.body()).isEqualTo(422);
    assertThat(v2.body()).contains("/ruleVersion", "version 1");
    // the lead bureau's share goes to the bureau that posted the lead
    Http.Response notTheirs =
        settle(0, draft(XINGHE, RewardKind.LEAD_BUREAU, informantLead, TIANZHEN, 5, 1));
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(422);
    assertThat(notTheirs.body()).contains("posted the lead", "/payeeBureau");

    Http.Response paid =
        Http.postJson(
            url(0, "/api/v1/rewards/settlements"),
            Json.mapper()
                .writeValueAsString(
                    draft(XINGHE, RewardKind.LEAD_BUREAU, tianzhenLead, TIANZHEN, 90_000, 1)));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    Settlement share = Json.mapper().readValue(paid.body(), Settlement.class);
    // an informant is paid only on a declared line (已申报): refused before, nothing signed
    Http.Response undeclared =
        settle(0, draft(XINGHE, RewardKind.INFORMANT, informantLead, null, 100_000, 1));
    assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(409);
    assertThat(undeclared.json().get("field").asText()).isEqualTo("/leadId");
    Http.Response declared =
        Http.postJson(
            url(0, "/api/v1/informants/reports/" + informantLead + "/reward"),
            "{\"officer\":\"" + TestCluster.OFFICERS.get(0) + "\",\"status\":\"DECLARED\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    // two payments of the same informant at once: one entry, the other refused (409)
    SettlementDraft pay = draft(XINGHE, RewardKind.INFORMANT, informantLead, null, 100_000, 1);
    List<CompletableFuture<Http.Response>> both =
        List.of(
            CompletableFuture.supplyAsync(() -> settleAsIs(pay)),
            CompletableFuture.supplyAsync(() -> settleAsIs(pay)));
    List<Integer> statuses = both.stream().map(f -> f.join().status()).sorted().toList();
    assertThat(statuses).as("two payments of one informant at once").containsExactly(201, 409);
    Http.Response paid1 =
        both.stream().map(CompletableFuture::join).filter(r -> r.status() == 201).findFirst().get();
    Settlement informant = Json.mapper().readValue(paid1.body(), Settlement.class);
    Http.Response again = settle(0, pay);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().get("field").asText()).isEqualTo("/leadId");
    assertThat(share.id()).isEqualTo("settlement-150924-1");
    assertThat(informant.id()).isEqualTo("settlement-150924-2");
    // the register follows: the line is 已兑现, naming the entry
    var registered = Http.get(url(0, "/api/v1/informants/reports/" + informantLead)).json();
    assertThat(registered.path("rewardStatus").asText()).isEqualTo("PAID");
    assertThat(registered.path("rewardNote").asText()).contains("settlement-150924-2", "100000");
    Await.until(WAIT, () -> unchecked(() -> on(1).size() == 2), "both entries on 天镇县");
    List<Settlement> there = on(1);
    assertThat(there)
        .extracting(Settlement::entry)
        .containsExactly(share.entry(), informant.entry());
    assertThat(there)
        .extracting(Settlement::envelopeHash)
        .containsExactly(share.envelopeHash(), informant.envelopeHash());
    assertThat(there.get(1).entry().payeeBureau()).isNull();
    assertThat(Http.get(url(1, "/api/v1/rewards/settlements")).json().get("items").size())
        .isEqualTo(2);

    // 天镇县 cannot book a payment 兴和县 makes
    SettlementDraft forXinghe = draft(XINGHE, RewardKind.CASE_BUREAU, null, TIANZHEN, 5, 1);
    Http.Response forOther =
        settle(
            1,
            new SettlementDraft(
                TestCluster.OFFICERS.get(1),
                forXinghe.payer(),
                forXinghe.kind(),
                forXinghe.caseNumber(),
                forXinghe.caseBureau(),
                forXinghe.leadId(),
                forXinghe.payeeBureau(),
                forXinghe.amountFen(),
                forXinghe.ruleVersion(),
                forXinghe.paidOn(),
                null));
    assertThat(forOther.status()).as(forOther.body()).isEqualTo(403);
    assertThat(forOther.body()).contains("settlement-payer");
    // nor sign as another officer than the one signed in
    Http.Response other =
        Http.postJson(
            url(0, "/api/v1/rewards/settlements"),
            Json.mapper()
                .writeValueAsString(
                    draft(XINGHE, RewardKind.LEAD_BUREAU, tianzhenLead, TIANZHEN, 5, 1))
                .replace("150924-017", "150924-099"));
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    assertThat(other.body()).contains("/officer");

    // an informant is paid only through a line of the payer's own register: not a lead without
    // one, and not by 天镇县 for 兴和县's line
    Http.Response noLine = settle(0, draft(XINGHE, RewardKind.INFORMANT, tianzhenLead, null, 5, 1));
    assertThat(noLine.status()).as(noLine.body()).isEqualTo(403);
    assertThat(noLine.body()).contains("register");
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/cases/case:150924:" + enc(CASE))).status() == 200,
        "the case on 天镇县");
    Http.Response notHers =
        settle(1, draft(TIANZHEN, RewardKind.INFORMANT, informantLead, null, 5, 1));
    assertThat(notHers.status()).as(notHers.body()).isEqualTo(403);
    assertThat(notHers.body()).contains("register");
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
        () -> Http.get(url(1, "/api/v1/admin/quarantine")).body().contains("settlement-150924-9"),
        "quarantined on 天镇县");
    assertThat(on(1)).extracting(Settlement::id).doesNotContain("settlement-150924-9");
    assertThat(on(1)).hasSize(2);
  }

  @Test
  @Order(3)
  void creditsMeasuresAndTheStatementAreTheSameOnBothNodes() throws Exception {
    JsonNode credits = Http.get(url(0, "/api/v1/rewards/credits?period=2026Q2")).json();
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/rewards/credits?period=2026Q2")).json().equals(credits),
        "the same credits on 天镇县");
    // two rows for the case: one per lead; 天镇县's lead credited to 天镇县 and its poster, the
    // case to 兴和县's officer who claimed the lead
    assertThat(credits.get("credits")).hasSize(2);
    JsonNode fromTianzhen =
        credits.get("credits").get(0).get("leadBureau").asText().equals("140222")
            ? credits.get("credits").get(0)
            : credits.get("credits").get(1);
    assertThat(fromTianzhen.get("leadOfficer").asText()).isEqualTo("140222-009");
    assertThat(fromTianzhen.get("caseOfficer").asText()).isEqualTo("150924-017");
    assertThat(fromTianzhen.get("major").asBoolean()).isTrue();
    assertThat(fromTianzhen.get("sticks").asLong()).isEqualTo(6_000);
    assertThat(credits.get("bureaus").toString())
        .isEqualTo(
            "[{\"bureau\":\"140222\",\"cases\":1,\"leadCases\":1,\"policeTransfers\":1,"
                + "\"majorCases\":1,\"sticks\":6000,\"valueFen\":6200000},"
                + "{\"bureau\":\"150924\",\"cases\":1,\"leadCases\":0,\"policeTransfers\":1,"
                + "\"majorCases\":1,\"sticks\":6000,\"valueFen\":6200000}]");
    assertThat(credits.get("officers")).hasSize(2);
    assertThat(Http.get(url(0, "/api/v1/rewards/credits?period=2026Q3")).json().get("credits"))
        .isEmpty();

    JsonNode statement = Http.get(url(0, "/api/v1/rewards/statement?period=2026Q2")).json();
    assertThat(Http.get(url(1, "/api/v1/rewards/statement?period=2026Q2")).json())
        .isEqualTo(statement);
    assertThat(statement.get("totalFen").asLong()).isEqualTo(190_000);
    assertThat(statement.get("bureaus").toString())
        .isEqualTo(
            "[{\"bureau\":\"140222\",\"paidToBureausFen\":0,\"informantFen\":0,"
                + "\"receivedFen\":90000,\"netFen\":90000,\"entries\":0},"
                + "{\"bureau\":\"150924\",\"paidToBureausFen\":90000,\"informantFen\":100000,"
                + "\"receivedFen\":0,\"netFen\":-190000,\"entries\":2}]");
    assertThat(statement.at("/informants/0/leadId").asText()).isEqualTo(informantLead);
    // what 兴和县 owes that informant by the signed rule (version 1: 5% of the fine; the case went to
    // the police, no fine) beside the 1,000元 it entered — the same on both nodes (above)
    assertThat(statement.at("/informants/0/amountFen").asLong()).isEqualTo(100_000);
    assertThat(statement.at("/informants/0/dueFen").asLong(-1)).isZero();
    assertThat(Http.get(url(1, "/api/v1/rewards/csv/informants?period=2026Q2")).body())
        .contains("按规则应付（元）,差额（元）", ",1000.00,0.00,1000.00,settlement-150924-2");
    assertThat(statement.at("/flows/0/kind").asText()).isEqualTo("LEAD_BUREAU");
    assertThat(Http.get(url(0, "/api/v1/rewards/statement?period=2026Q3")).json().get("totalFen"))
        .hasToString("0");

    // CSV per table and the workbook, the same figures in 元 and 万元
    Http.Response csv = Http.get(url(1, "/api/v1/rewards/csv/balances?period=2026Q2"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body())
        .startsWith("\uFEFF单位,支付他局分成（元）")
        .contains("150924,900.00,1000.00,0.00,-1900.00,2")
        .contains("合计,900.00,1000.00,900.00,-1000.00,2");
    assertThat(Http.get(url(1, "/api/v1/rewards/csv/secrets?period=2026Q2")).status())
        .isEqualTo(400);
    assertThat(Http.get(url(1, "/api/v1/rewards/statement")).body()).contains("period");
    var xlsx =
        Http.client()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url(0, "/api/v1/rewards/xlsx?period=2026Q2")))
                    .header("Authorization", "Bearer " + Http.token(cluster.url(0)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.body())) {
      List<String> names = wb.getSheets().map(Sheet::getName).toList();
      assertThat(names).containsExactly("线索成案", "单位考核", "个人考核", "兑现结算", "分成往来", "举报奖励");
      var rows = wb.getSheets().toList().get(3).read();
      assertThat(rows.get(rows.size() - 1).getCellText(0)).isEqualTo("合计");
      assertThat(rows.get(rows.size() - 1).getCellAsNumber(3).orElseThrow())
          .isEqualByComparingTo("900");
    }
  }

  @Test
  @Order(4)
  void payerAndPayeeFollowTheCase() throws Exception {
    JsonNode before = Http.get(url(0, "/api/v1/rewards/statement?period=2026Q2")).json();
    // the case bureau's reward goes to the bureau that made the case (兴和县), no other
    Http.Response caseShare =
        settle(0, draft(XINGHE, RewardKind.CASE_BUREAU, null, TIANZHEN, 5_000, 1));
    assertThat(caseShare.status()).as(caseShare.body()).isEqualTo(422);
    assertThat(caseShare.json().get("field").asText()).isEqualTo("/payeeBureau");
    assertThat(caseShare.body()).contains("settlement-not-case-bureau", "150924");
    // the lead bureau's share is paid by the case bureau: 天镇县 cannot pay 兴和县's lead's share of
    // 兴和县's case (nor be debited for it)
    Await.until(
        WAIT,
        () -> Http.get(url(1, "/api/v1/leads/" + informantLead)).status() == 200,
        "兴和县's lead on 天镇县");
    Http.Response thirdPayer =
        settle(1, draft(TIANZHEN, RewardKind.LEAD_BUREAU, informantLead, XINGHE, 5_000, 1));
    assertThat(thirdPayer.status()).as(thirdPayer.body()).isEqualTo(422);
    assertThat(thirdPayer.json().get("field").asText()).isEqualTo("/payer");
    assertThat(thirdPayer.body()).contains("settlement-payer-not-case-bureau");
    // an informant's reward is for a lead the case names: a declared line of another lead is
    // refused
    String otherLead =
        post(
            0,
            """
            {"officer":"150924-017","category":"SMUGGLING","title":"城关镇小卖部售私烟",
             "narrative":"群众举报城关镇一小卖部出售走私外烟。","targetBureaus":["140222"]}
            """);
    Http.Response line =
        Http.postJson(
            url(0, "/api/v1/informants/reports"),
            "{\"officer\":\"150924-017\",\"leadId\":\"" + otherLead + "\",\"source\":\"REPORT\"}");
    assertThat(line.status()).as(line.body()).isEqualTo(201);
    Http.Response declared =
        Http.postJson(
            url(0, "/api/v1/informants/reports/" + otherLead + "/reward"),
            "{\"officer\":\"" + TestCluster.OFFICERS.get(0) + "\",\"status\":\"DECLARED\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    Http.Response notLinked =
        settle(0, draft(XINGHE, RewardKind.INFORMANT, otherLead, null, 5_000, 1));
    assertThat(notLinked.status()).as(notLinked.body()).isEqualTo(422);
    assertThat(notLinked.json().get("field").asText()).isEqualTo("/leadId");
    assertThat(notLinked.body()).contains("settlement-lead-not-linked");
    assertThat(notLinked.contentType()).startsWith("application/problem+json");
    // nothing signed: the entries and the statement as before, the line still 已申报
    assertThat(on(0)).hasSize(2);
    assertThat(on(1)).hasSize(2);
    assertThat(Http.get(url(0, "/api/v1/rewards/statement?period=2026Q2")).json())
        .isEqualTo(before);
    assertThat(
            Http.get(url(0, "/api/v1/informants/reports/" + otherLead))
                .json()
                .path("rewardStatus")
                .asText())
        .isEqualTo("DECLARED");
  }

  @Test
  @Order(5)
  void creditsCountMajorCasesByTheValueInForceInThePeriod() throws Exception {
    // the bureaus agree a major-case value of 6万元 now, then raise it to 10万元: the second
    // quarter's 6.2万元 case stays major in its credits, as in that quarter's report (the first
    // agreement counts for the time before it; no later change reaches back)
    agreeSettings(1, 6_000_000L);
    agreeSettings(2, 10_000_000L);
    for (int n = 0; n < 2; n++) {
      int node = n;
      Await.until(
          WAIT,
          () ->
              cluster
                  .node(node)
                  .settings()
                  .majorCaseThresholdFen()
                  .filter(f -> f == 10_000_000L)
                  .isPresent(),
          "10万元 in force on node " + n);
    }
    for (int n = 0; n < 2; n++) {
      JsonNode credits = Http.get(url(n, "/api/v1/rewards/credits?period=2026Q2")).json();
      assertThat(credits.get("credits"))
          .allSatisfy(c -> assertThat(c.get("major").asBoolean()).isTrue());
      assertThat(credits.get("bureaus"))
          .allSatisfy(b -> assertThat(b.get("majorCases").asLong()).isEqualTo(1));
    }
  }

  /** Both chiefs sign version {@code version} of the settings (协作约定) with this major value. */
  static void agreeSettings(long version, long majorFen) {
    String rules =
        "{\"version\":"
            + version
            + ",\"feedbackPeriodDays\":15,\"overdueRemindDays\":0,\"escalateAfterDays\":0,"
            + "\"majorCaseThresholdFen\":"
            + majorFen
            + ",\"basis\":\"协作机制\"}";
    Http.Response proposed = Http.postJson(url(0, "/api/v1/settings"), rules);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String hash = proposed.json().at("/proposals/0/contentHash").asText();
    Await.until(
        WAIT,
        () ->
            Http.postJson(
                        url(1, "/api/v1/settings/" + version + "/agreement"),
                        "{\"contentHash\":\"" + hash + "\"}")
                    .status()
                == 200,
        "天镇县 agrees version " + version);
    Await.until(
        WAIT,
        () -> cluster.node(0).settings().current().filter(s -> s.version() == version).isPresent(),
        "version " + version + " in force on 兴和县");
  }

  @Test
  @Order(6)
  void aBureauThatJoinsLaterDoesNotUnAgreeTheRule() throws Exception {
    // 阳原县 joins the roster after both bureaus agreed the sharing rule; it has signed nothing
    io.liaison.crypto.Roster current = cluster.node(0).trust().roster();
    java.time.Instant now = java.time.Instant.now();
    io.liaison.crypto.Roster next =
        current.withMember(
            new io.liaison.crypto.Member(
                BureauId.of("130727"),
                "阳原县烟草专卖局",
                "河北省",
                List.of(),
                List.of(
                    io.liaison.crypto.MemberKey.signing(
                        io.liaison.crypto.SigningKeyPair.generate(), now),
                    io.liaison.crypto.MemberKey.sealing(
                        io.liaison.crypto.SealingKeyPair.generate(), now))),
            now);
    Http.Response published =
        Http.postJson(
            url(0, "/api/v1/admin/roster"),
            new String(
                new io.liaison.crypto.RosterAuthority(cluster.authority()).sign(next).toJson(),
                StandardCharsets.UTF_8));
    assertThat(published.status()).as(published.body()).isEqualTo(202);
    for (int n = 0; n < 2; n++) {
      int node = n;
      Await.until(
          WAIT,
          () -> cluster.node(node).trust().roster().version() == next.version(),
          "the roster with 阳原县 on node " + n);
    }
    // the versions agreed before it came stay agreed and in force on both nodes ...
    for (int n = 0; n < 2; n++) {
      JsonNode rules = Http.get(url(n, "/api/v1/rewards/rules")).json();
      assertThat(rules.at("/inForce/rule/version").asInt()).as("node %d", n).isEqualTo(2);
      assertThat(rules.get("agreed")).hasSize(2);
    }
    // ... so the second quarter's case is still settled under version 1: 天镇县 pays 兴和县 (the
    // case bureau) its reward
    Http.Response paid =
        settle(1, draft(TIANZHEN, RewardKind.CASE_BUREAU, null, XINGHE, 20_000, 1));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    // a version proposed now awaits the newcomer too
    Http.Response v3 =
        Http.postJson(
            url(0, "/api/v1/rewards/rules"),
            RULE_V1.replace("\"version\":1", "\"version\":3").replace("2026-01-01", "2027-01-01"));
    assertThat(v3.status()).as(v3.body()).isEqualTo(201);
    String hash3 = v3.json().at("/proposals/0/contentHash").asText();
    Await.until(
        WAIT,
        () ->
            Http.postJson(
                        url(1, "/api/v1/rewards/rules/3/agreement"),
                        "{\"contentHash\":\"" + hash3 + "\"}")
                    .status()
                == 200,
        "天镇县 signs version 3");
    Await.until(
        WAIT,
        () ->
            Http.get(url(0, "/api/v1/rewards/rules")).json().at("/proposals/0/agreed").size() == 2,
        "both signatures of version 3 on 兴和县");
    JsonNode rules = Http.get(url(0, "/api/v1/rewards/rules")).json();
    assertThat(rules.at("/inForce/rule/version").asInt()).isEqualTo(2);
    assertThat(rules.at("/proposals/0/awaiting").toString()).isEqualTo("[\"130727\"]");
  }

  @Test
  @Order(7)
  void aPayerCannotForgeOtherOfficersForwardDateOrForkItsOwnEntries() throws Exception {
    // 兴和县's own key signs three bad entries straight onto the grid (a hostile or broken payer)
    List<Settlement> mine = on(0).stream().filter(s -> s.entry().payer().equals(XINGHE)).toList();
    long n = mine.size();
    String last = mine.get(mine.size() - 1).envelopeHash();
    SettlementDraft good = draft(XINGHE, RewardKind.LEAD_BUREAU, tianzhenLead, TIANZHEN, 7_000, 1);
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    // a fork: entry n+1 chained to the start, not to entry n
    signOnGrid(n + 1, good, io.liaison.crypto.Hashes.GENESIS, now);
    // signed as an officer of another bureau
    signOnGrid(n + 2, withOfficer(good, "140222-009"), last, now);
    // paid on a day after it was signed
    SettlementDraft later =
        new SettlementDraft(
            good.officer(),
            good.payer(),
            good.kind(),
            good.caseNumber(),
            good.caseBureau(),
            good.leadId(),
            good.payeeBureau(),
            good.amountFen(),
            good.ruleVersion(),
            LocalDate.ofInstant(now, io.liaison.api.report.Period.ZONE).plusDays(2),
            null);
    signOnGrid(n + 3, later, last, now);
    for (long k = n + 1; k <= n + 3; k++) {
      String key = SettlementService.key(XINGHE.code(), k);
      Await.until(
          WAIT,
          () -> Http.get(url(1, "/api/v1/admin/quarantine")).body().contains(key),
          key + " quarantined on 天镇县");
    }
    assertThat(on(1).stream().filter(s -> s.entry().payer().equals(XINGHE)).count()).isEqualTo(n);
  }

  static SettlementDraft withOfficer(SettlementDraft d, String officer) {
    return new SettlementDraft(
        officer,
        d.payer(),
        d.kind(),
        d.caseNumber(),
        d.caseBureau(),
        d.leadId(),
        d.payeeBureau(),
        d.amountFen(),
        d.ruleVersion(),
        d.paidOn(),
        d.note());
  }

  /** Signs entry {@code n} with 兴和县's key as given and puts it on the grid as its node would. */
  static void signOnGrid(long n, SettlementDraft d, String prev, java.time.Instant at) {
    String id = SettlementService.key(XINGHE.code(), n);
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", SettlementService.TYPE);
    payload.put("id", id);
    payload.set("entry", Json.mapper().valueToTree(d));
    io.liaison.crypto.SignedEnvelope env = cluster.node(0).trust().sign(payload, prev, at);
    cluster
        .node(0)
        .hazelcast()
        .getMap(SettlementService.MAP)
        .set(id, io.liaison.node.trust.SignedRecords.json(env));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  interface Check {
    boolean get() throws Exception;
  }

  /** A payment on 兴和县's node, its answer whatever it is (for requests made at once). */
  static Http.Response settleAsIs(SettlementDraft d) {
    try {
      return settle(0, d);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean unchecked(Check c) {
    try {
      return c.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
