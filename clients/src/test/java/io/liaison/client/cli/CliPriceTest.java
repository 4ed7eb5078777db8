package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.client.RecordedNode;
import io.liaison.client.TestClock;
import io.liaison.client.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liaison price …} against a node stand-in: what is sent, what is printed. */
class CliPriceTest {
  private static final String JSON = "application/json; charset=utf-8";

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
  void complianceAsksByQuarterAndPrintsRatesWithThePeriodBefore() {
    node.on(
        "GET",
        "/api/v1/price/compliance",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"by\":\"QUARTER\",\"from\":\"2026-04-01\",\"to\":\"2026-09-30\",\"rows\":["
                    + "{\"key\":\"2026-Q2\",\"judged\":4,\"compliant\":3,\"rate\":75.00,\"previousJudged\":2,\"previousCompliant\":1,\"previousRate\":50.00},"
                    + "{\"key\":\"2026-Q3\",\"judged\":3,\"compliant\":2,\"rate\":66.67,\"previousJudged\":4,\"previousCompliant\":3,\"previousRate\":75.00}],"
                    + "\"total\":{\"key\":\"total\",\"judged\":7,\"compliant\":5,\"rate\":71.43,\"previousJudged\":2,\"previousCompliant\":1,\"previousRate\":50.00},\"unjudged\":2}"));
    Result r =
        cli.run(
            "price", "compliance", "--by", "QUARTER", "--from", "2026-04-01", "--to", "2026-09-30");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/price/compliance?by=QUARTER&from=2026-04-01&to=2026-09-30");
    assertThat(r.out())
        .contains("2026-Q2", "合规率 75.00%", "上期 50.00%", "2026-Q3", "合规率 66.67%", "无约定可比 2 项");
  }

  @Test
  void importSendsTheSheetWithItsTypeAndTheOfficer() throws Exception {
    node.on(
        "POST",
        "/api/v1/price/checks/c1/import",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"rows\":3,\"visits\":2,\"items\":3,\"check\":{\"id\":\"c1\",\"state\":\"RECORDED\",\"visits\":[],\"evaluations\":[]}}"));
    Path sheet = config.resolve("互查表.csv");
    Files.writeString(sheet, "许可证号,检查时间,地点,品牌规格,单位,标价,实际售价\n");
    Result r = cli.run("price", "import", "c1", sheet.toString(), "--officer", "140222-009");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("导入 3 行：2 户次，3 项\n");
    assertThat(node.last().header("Content-Type")).startsWith("text/csv");
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/price/checks/c1/import?officer=140222-009");
  }
}
