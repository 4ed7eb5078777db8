package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.client.RecordedNode;
import io.liaison.client.TestClock;
import io.liaison.client.cli.CliHarness.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liaison settings|area|forms|major} against a node stand-in: what is sent, what is printed.
 */
class CliLeadWorkTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HASH = "ab".repeat(32);

  @TempDir Path config;
  private CliHarness cli;
  private RecordedNode node;

  @BeforeEach
  void start() {
    cli = new CliHarness(config, TestClock.at("2026-11-26T13:10:00Z"));
    node = cli.node;
    node.on("GET", "/api/v1/roster", 200, JSON, "roster.json");
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void settingsAgreeNamesTheContentAndPrintsWhoIsAwaited() {
    node.on(
        "POST",
        "/api/v1/settings/1/agreement",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"proposals\":[{\"settings\":{\"version\":1,\"feedbackPeriodDays\":10,"
                    + "\"overdueRemindDays\":5,\"escalateAfterDays\":15,\"majorCaseThresholdFen\":5000000,"
                    + "\"basis\":\"协作机制\"},\"contentHash\":\""
                    + HASH
                    + "\",\"proposedBy\":\"150924\",\"agreed\":[{\"bureau\":\"150924\",\"officer\":\"150924-001\","
                    + "\"at\":\"2026-11-26T12:00:00Z\"},{\"bureau\":\"140222\",\"officer\":\"140222-009\","
                    + "\"at\":\"2026-11-26T13:00:00Z\"}],\"awaiting\":[\"140221\"]}]}"));
    Result r = cli.run("settings", "agree", "1", "--content-hash", HASH);
    assertThat(r.err()).isEmpty();
    assertThat(node.last().body()).isEqualTo("{\"contentHash\":\"" + HASH + "\"}");
    assertThat(r.out()).contains("现行约定: 无", "待签署 第 1 版: 反馈期限 10 天", "重大案件 50000 元起", "待签: 140221");
  }

  @Test
  void areaTouchesPrintTheEvidence() {
    node.on(
        "GET",
        "/api/v1/area/touches",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"items\":[{\"recordId\":\"case:140222:天烟立字〔2026〕第88号\",\"kind\":\"CASE\","
                    + "\"origin\":\"140222\",\"title\":\"天烟立字〔2026〕第88号\",\"date\":\"2026-10-05\","
                    + "\"evidence\":[{\"kind\":\"PLATE\",\"value\":\"蒙J\",\"found\":\"蒙J3K582\",\"where\":\"narrative\"}],"
                    + "\"noticedAt\":\"2026-10-05T03:00:00Z\"}]}"));
    Result r = cli.run("area", "touches", "--limit", "5");
    assertThat(r.err()).isEmpty();
    assertThat(node.last().pathAndQuery()).isEqualTo("/api/v1/area/touches?limit=5");
    assertThat(r.out()).contains("140222", "天烟立字〔2026〕第88号", "车牌 蒙J3K582（蒙J，见 narrative）");
  }

  @Test
  void formsSheetIsSavedAsSent() throws Exception {
    byte[] xlsx = {'P', 'K', 3, 4, 1, 2};
    node.on(
        "GET",
        "/api/v1/forms/sheet",
        (x, r) -> {
          x.getResponseHeaders()
              .add(
                  "Content-Type",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
          x.sendResponseHeaders(200, xlsx.length);
          x.getResponseBody().write(xlsx);
          x.close();
        });
    Path out = config.resolve("forms.xlsx");
    Result r = cli.run("forms", "sheet", "case:140222:第88号", "-o", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(node.last().pathAndQuery())
        .startsWith("/api/v1/forms/sheet?subject=case")
        .contains("140222");
    assertThat(Files.readAllBytes(out)).isEqualTo(xlsx);
  }

  @Test
  void majorPrintsValueAndStandardInYuan() {
    node.on(
        "GET",
        "/api/v1/major-leads",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"items\":[{\"leadId\":\"150924-20261126-AAAA\",\"bureau\":\"140222\",\"officer\":\"140222-009\","
                    + "\"valueFen\":6200000,\"thresholdFen\":5000000,\"formId\":\"form-x\",\"at\":\"2026-11-26T13:00:00Z\"}]}"));
    Result r = cli.run("major");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("150924-20261126-AAAA", "案值 62000.00 元（标准 50000.00 元）");
    assertThat(
            new String(
                node.last().pathAndQuery().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8))
        .isEqualTo("/api/v1/major-leads?limit=100");
  }
}
