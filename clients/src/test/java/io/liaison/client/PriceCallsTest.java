package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.BureauId;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The price calls of the Java client: paths, query strings, bodies, answers and problems. */
class PriceCallsTest {
  private static final String JSON = "application/json; charset=utf-8";
  private final RecordedNode node = new RecordedNode();
  private final LiaisonClient client = LiaisonClient.create(node.uri());

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void complianceAsksWithItsFiltersAndReadsExactRates() {
    node.on(
        "GET",
        "/api/v1/price/compliance",
        (x, r) ->
            RecordedNode.send(
                x,
                200,
                JSON,
                "{\"by\":\"MONTH\",\"from\":\"2026-04-01\",\"to\":\"2026-06-30\",\"rows\":[{\"key\":\"2026-04\","
                    + "\"judged\":3,\"compliant\":2,\"rate\":66.67,\"previousJudged\":0,\"previousCompliant\":0}],"
                    + "\"total\":{\"key\":\"total\",\"judged\":3,\"compliant\":2,\"rate\":66.67,\"previousJudged\":0,"
                    + "\"previousCompliant\":0},\"unjudged\":1}"));
    ComplianceFigures f =
        client
            .price()
            .compliance(
                Dimension.MONTH,
                LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-06-30"),
                BureauId.of("150924"));
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/price/compliance?by=MONTH&from=2026-04-01&to=2026-06-30&bureau=150924");
    assertThat(f.rows().get(0).rate()).isEqualByComparingTo("66.67");
    assertThat(f.unjudged()).isEqualTo(1);
  }

  @Test
  void aRefusedSheetComesBackWithItsBadRows(@TempDir Path dir) throws Exception {
    node.on(
        "POST",
        "/api/v1/price/checks/c1/import",
        (x, r) ->
            RecordedNode.send(
                x,
                422,
                "application/problem+json",
                "{\"type\":\"https://liaison.example/problems/invalid-sheet\",\"title\":\"Invalid sheet\",\"status\":422,"
                    + "\"detail\":\"1 bad cell(s); nothing was recorded\",\"field\":\"/rows/3/单位\","
                    + "\"errors\":[{\"field\":\"/rows/3/单位\",\"message\":\"单位 is 盒, 包 or 条, not 箱\"}]}"));
    Path sheet = dir.resolve("互查.xlsx");
    Files.write(sheet, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> client.price().importSheet("c1", "140222-009", sheet))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("/rows/3/单位");
            });
    assertThat(node.last().header("Content-Type"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(node.last().pathAndQuery())
        .isEqualTo("/api/v1/price/checks/c1/import?officer=140222-009");
  }
}
