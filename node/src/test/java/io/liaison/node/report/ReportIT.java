package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.console.NodeScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes: 兴和县 (150924) shares cases with the new figures, every node computes the same
 * canonical briefing for it, 兴和县 signs and shares its 2026Q2 report, 天镇县 reads it, recounts and
 * acknowledges (signed), 阳高县 sees the region side by side; the report file verifies offline and an
 * edited copy does not.
 */
class ReportIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String NOTES = "二季度边界地区卷烟市场总体平稳，外流烟有所减少。";

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

  static ObjectNode caseBody(String number, String category, String filedOn, String valueYuan) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number)
        .put("category", category)
        .put("foundOn", filedOn)
        .put("filedOn", filedOn)
        .put("valueYuan", valueYuan)
        .put("disposition", "PENDING")
        .put("narrative", "执法人员在兴和县城关镇查获卷烟一批。");
    c.putObject("location").put("countyCode", "150924").put("address", "兴和县城关镇307国道检查站");
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "30条");
    return c;
  }

  @Test
  void aBriefingIsTheSameOnEveryNodeSignedSharedAcknowledgedAndVerifiedOffline() throws Exception {
    // the three chiefs agree the rules (协作约定): major cases from 1万元, feedback within 15 days
    String rules =
        "{\"version\":1,\"feedbackPeriodDays\":15,\"overdueRemindDays\":0,\"escalateAfterDays\":0,"
            + "\"majorCaseThresholdFen\":1000000,\"basis\":\"协作机制\"}";
    Http.Response proposed = Http.postJson(url(XINGHE, "/api/v1/settings"), rules);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String hash = proposed.json().at("/proposals/0/contentHash").asText();
    for (int n : new int[] {TIANZHEN, YANGGAO}) {
      int node = n;
      Await.until(
          WAIT,
          () ->
              Http.postJson(
                          url(node, "/api/v1/settings/1/agreement"),
                          "{\"contentHash\":\"" + hash + "\"}")
                      .status()
                  == 200,
          "node " + n + " agrees");
    }
    for (int n : new int[] {XINGHE, TIANZHEN, YANGGAO}) {
      int node = n;
      Await.until(
          WAIT,
          () -> cluster.node(node).settings().majorCaseThresholdFen().isPresent(),
          "the rules in force on node " + n);
    }
    // a case with every new figure: transferred to the police, 2 detained, 1 sentenced, money paid
    ObjectNode major = caseBody("兴烟立字〔2026〕第201号", "无证批发", "2026-04-01", "62000");
    major
        .put("disposition", "TRANSFERRED_TO_POLICE")
        .put("closedOn", "2026-04-20")
        .put("detainedPersons", 2)
        .put("sentencedPersons", 1)
        .put("treasuryYuan", "15000.50");
    created(Http.postJson(url(XINGHE, "/api/v1/cases"), major.toString()));
    ObjectNode market = caseBody("兴烟立字〔2026〕第202号", "无证经营", "2026-06-30", "1800");
    market.put("disposition", "TRANSFERRED_TO_MARKET_REGULATION").put("closedOn", "2026-07-02");
    created(Http.postJson(url(XINGHE, "/api/v1/cases"), market.toString()));
    // 3万元 in the third quarter: major under the agreed 1万元 (not under 5万元)
    created(
        Http.postJson(
            url(XINGHE, "/api/v1/cases"),
            caseBody("兴烟立字〔2026〕第301号", "涉假", "2026-07-05", "30000").toString()));
    // in the first quarter: not counted in the second
    created(
        Http.postJson(
            url(XINGHE, "/api/v1/cases"),
            caseBody("兴烟立字〔2026〕第100号", "涉假", "2026-03-31", "900").toString()));
    // bad figures: each field named, nothing stored
    ObjectNode bad = caseBody("兴烟立字〔2026〕第203号", "无证批发", "2026-04-02", "100");
    bad.put("detainedPersons", -1).put("sentencedPersons", 3).put("treasuryFen", "12");
    Http.Response refused = Http.postJson(url(XINGHE, "/api/v1/cases"), bad.toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder("/detainedPersons", "/sentencedPersons", "/treasuryFen");

    for (int n : new int[] {TIANZHEN, YANGGAO}) {
      int node = n;
      Await.until(
          WAIT,
          () ->
              Http.get(url(node, "/api/v1/cases/case:150924:" + enc("兴烟立字〔2026〕第100号"))).status()
                  == 200,
          "the cases on node " + n);
    }

    // the cases at or above the agreed value (1万元) are told at once on every node, once each;
    // the small ones are not
    for (int n : new int[] {XINGHE, TIANZHEN, YANGGAO}) {
      int node = n;
      Await.until(WAIT, () -> majorEvents(node).size() == 2, "case.major on node " + n);
      JsonNode m = Json.mapper().readTree(majorEvents(n).get(0));
      assertThat(m.get("caseNumber").asText()).isEqualTo("兴烟立字〔2026〕第201号");
      assertThat(m.get("valueFen").asLong()).isEqualTo(6_200_000);
      JsonNode agreed = Json.mapper().readTree(majorEvents(n).get(1));
      assertThat(agreed.get("caseNumber").asText()).isEqualTo("兴烟立字〔2026〕第301号");
      assertThat(agreed.get("thresholdFen").asLong()).isEqualTo(1_000_000);
    }
    // the supervisor (上级局) reads them without the event feed or the cases
    assertThat(
            Http.postJson(
                    url(YANGGAO, "/api/v1/admin/officers"),
                    "{\"id\":\"140221-300\",\"name\":\"市局督办\",\"roles\":[\"SUPERVISOR\"],"
                        + "\"password\":\"pass-140221-300\"}")
                .status())
        .isEqualTo(201);
    String supervisor =
        Http.postJson(
                url(YANGGAO, "/api/v1/auth/login"),
                "{\"officer\":\"140221-300\",\"password\":\"pass-140221-300\"}")
            .json()
            .get("accessToken")
            .asText();
    var alerts = as(supervisor, url(YANGGAO, "/api/v1/major-cases"));
    assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(200);
    JsonNode items = Json.mapper().readTree(alerts.body()).get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("caseNumber").asText()).isEqualTo("兴烟立字〔2026〕第301号");
    assertThat(items.get(0).get("thresholdFen").asLong()).isEqualTo(1_000_000);
    assertThat(items.get(1).get("valueFen").asLong()).isEqualTo(6_200_000);
    assertThat(as(supervisor, url(YANGGAO, "/api/v1/events")).statusCode()).isEqualTo(403);
    assertThat(
            as(supervisor, url(YANGGAO, "/api/v1/cases/case:150924:" + enc("兴烟立字〔2026〕第201号")))
                .statusCode())
        .isEqualTo(403);

    // every node computes the same canonical bytes for 兴和县's second quarter
    String preview = "/api/v1/reports/preview?bureau=150924&period=2026Q2&notes=" + enc(NOTES);
    Http.Response a = Http.get(url(XINGHE, preview));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    for (int n : new int[] {TIANZHEN, YANGGAO}) {
      assertThat(Http.get(url(n, preview)).body()).isEqualTo(a.body());
    }
    JsonNode b = a.json();
    assertThat(b.at("/period/from").asText()).isEqualTo("2026-04-01");
    assertThat(b.at("/cases/total/cases").asLong()).isEqualTo(2);
    assertThat(b.at("/cases/total/sticks").asLong()).isEqualTo(12_000);
    assertThat(b.at("/cases/total/valueFen").asLong()).isEqualTo(6_380_000);
    assertThat(b.at("/cases/majorCases/0/caseNumber").asText()).isEqualTo("兴烟立字〔2026〕第201号");
    assertThat(b.at("/cases/transferredToPolice").asLong()).isEqualTo(1);
    assertThat(b.at("/cases/transferredToMarketRegulation").asLong()).isEqualTo(1);
    assertThat(b.at("/cases/thresholdCasesTransferred").asLong()).isEqualTo(1);
    assertThat(b.at("/cases/detainedPersons").asLong()).isEqualTo(2);
    assertThat(b.at("/cases/sentencedPersons").asLong()).isEqualTo(1);
    assertThat(b.at("/cases/treasuryFen").asLong()).isEqualTo(1_500_050);
    JsonNode wholesale = row(b, "UNLICENSED_WHOLESALE");
    assertThat(wholesale.get("cases").asLong()).isEqualTo(1);
    assertThat(row(b, "UNLICENSED_TRADE").get("cases").asLong()).isEqualTo(1);
    assertThat(b.get("marketNotes").asText()).isEqualTo(NOTES);
    // the agreed rules the figures used
    assertThat(b.get("schema").asInt()).isEqualTo(3);
    // the reward section: nothing settled; the cases credited are the bureau's own (no lead links)
    assertThat(b.at("/rewards/paidEntries").asLong()).isZero();
    assertThat(b.at("/rewards/creditedCases").asLong())
        .isEqualTo(b.at("/cases/total/cases").asLong())
        .isPositive();
    assertThat(b.get("majorThresholdFen").asLong()).isEqualTo(1_000_000);
    assertThat(b.at("/feedback/periodDays").asInt()).isEqualTo(15);
    assertThat(b.at("/actions/total/actions").asLong()).isZero();
    assertThat(b.at("/networks/merged").asLong()).isZero();

    // 兴和县 signs and shares it
    Http.Response issued =
        Http.postJson(
            url(XINGHE, "/api/v1/reports"),
            "{\"period\":\"2026Q2\",\"officer\":\"150924-017\",\"marketNotes\":\"" + NOTES + "\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String sha = Hashes.sha256Hex(a.body().getBytes(StandardCharsets.UTF_8));
    assertThat(issued.json().get("canonicalSha256").asText()).isEqualTo(sha);
    assertThat(issued.json().at("/proof/signer").asText()).isEqualTo("150924");

    // 天镇县 reads it, its own recount matches, it acknowledges (signed)
    Await.until(
        WAIT,
        () -> Http.get(url(TIANZHEN, "/api/v1/reports/150924/2026Q2")).status() == 200,
        "the report on 天镇县's node");
    JsonNode seen = Http.get(url(TIANZHEN, "/api/v1/reports/150924/2026Q2")).json();
    assertThat(seen.get("canonicalSha256").asText()).isEqualTo(sha);
    Http.Response ack =
        Http.postJson(
            url(TIANZHEN, "/api/v1/reports/150924/2026Q2/acks"),
            "{\"officer\":\"140222-009\",\"note\":\"已阅，数据一致。\"}");
    assertThat(ack.status()).as(ack.body()).isEqualTo(201);
    assertThat(ack.json().at("/acknowledgements/0/figuresMatch").asBoolean()).isTrue();
    Await.until(
        WAIT,
        () ->
            Http.get(url(XINGHE, "/api/v1/reports/150924/2026Q2"))
                .json()
                .at("/acknowledgements/0/bureau")
                .asText()
                .equals("140222"),
        "the acknowledgement on 兴和县's node");
    JsonNode acked = Http.get(url(XINGHE, "/api/v1/reports/150924/2026Q2")).json();
    assertThat(acked.at("/acknowledgements/0/reportHash").asText())
        .isEqualTo(issued.json().at("/proof/hash").asText());
    // a bureau does not acknowledge its own
    assertThat(
            Http.postJson(
                    url(XINGHE, "/api/v1/reports/150924/2026Q2/acks"),
                    "{\"officer\":\"150924-017\"}")
                .status())
        .isEqualTo(409);

    // the region side by side, with the quarter before and the year before
    JsonNode regional = Http.get(url(YANGGAO, "/api/v1/reports/regional?period=2026Q2")).json();
    assertThat(regional.at("/previous/label").asText()).isEqualTo("2026Q1");
    assertThat(regional.at("/yearBefore/label").asText()).isEqualTo("2025Q2");
    JsonNode xinghe = null;
    for (JsonNode r : regional.get("rows")) {
      if (r.get("bureau").asText().equals("150924")) {
        xinghe = r;
      }
    }
    assertThat(xinghe).isNotNull();
    assertThat(xinghe.get("issued").asBoolean()).isTrue();
    assertThat(xinghe.at("/current/cases").asLong()).isEqualTo(2);
    assertThat(xinghe.at("/previous/cases").asLong()).isEqualTo(1);
    assertThat(xinghe.at("/yearBefore/cases").asLong()).isZero();
    assertThat(regional.at("/region/cases").asLong()).isEqualTo(2);

    // the tables: a workbook a real reader opens, a CSV per table
    Http.Response xlsx = Http.get(url(TIANZHEN, "/api/v1/reports/150924/2026Q2/xlsx"));
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
    Http.Response csv = Http.get(url(TIANZHEN, "/api/v1/reports/150924/2026Q2/csv/transfers"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("刑事拘留（人）").contains("1,1,1,1,100.0,0,2,1,0.00,1.50005\r\n");
    assertThat(Http.get(url(TIANZHEN, "/api/v1/reports/150924/2026Q2/csv/nope")).status())
        .isEqualTo(404);

    // the file verifies offline against the roster in it; an edited copy does not
    Http.Response file = Http.get(url(YANGGAO, "/api/v1/reports/150924/2026Q2/file"));
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    assertThat(verifies(file.body())).isTrue();
    String edited = file.body().replace("\"detainedPersons\" : 2", "\"detainedPersons\" : 0");
    assertThat(edited).isNotEqualTo(file.body());
    assertThat(verifies(edited)).isFalse();

    // the printable page: served by any node, Chinese, the charts drawn in SVG, the signature block
    Http.Response page = Http.get(url(YANGGAO, "/api/v1/reports/150924/2026Q2/html"));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<title>兴和县烟草专卖局 2026年第二季度 打击涉烟违法犯罪工作通报</title>")
        .contains("@page{size:A4")
        .contains(sha)
        .contains(issued.json().at("/proof/hash").asText())
        .doesNotContain("<script", " src=", "<link", "url(");
    var download =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            url(XINGHE, "/api/v1/reports/150924/2026Q2/html?download=1")))
                    .header("Authorization", "Bearer " + Http.token(cluster.url(XINGHE)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"report-150924-2026Q2.html\"");
    Path saved = Path.of("target/report-page/report-150924-2026Q2.html").toAbsolutePath();
    java.nio.file.Files.createDirectories(saved.getParent());
    java.nio.file.Files.writeString(saved, page.body(), StandardCharsets.UTF_8);
    NodeScripts.installPackages();
    NodeScripts.run(
        "report-page",
        java.util.Map.of(
            "REPORT_PAGE", saved.toString(),
            "REPORT_SHOT", saved.resolveSibling("report-150924-2026Q2.png").toString(),
            "REPORT_PDF", saved.resolveSibling("report-150924-2026Q2.pdf").toString(),
            "REPORT_HASH", sha,
            "CHROMIUM", NodeScripts.chromium().toString()),
        300,
        saved.resolveSibling("report-page.log"));
  }

  /** A GET with {@code token} (another officer than the test's). */
  private static java.net.http.HttpResponse<String> as(String token, String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** The data of the node's stored {@code case.major} events. */
  private static List<String> majorEvents(int node) {
    Path db = cluster.config(node).dataDir().resolve("liaison.db");
    List<String> out = new ArrayList<>();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        var ps =
            c.prepareStatement("SELECT data FROM events WHERE type='case.major' ORDER BY seq");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static boolean verifies(String file) throws Exception {
    JsonNode f = Json.mapper().readTree(file);
    SignedRoster roster = SignedRoster.fromJson(f.get("roster").toString());
    SignedEnvelope env =
        SignedEnvelope.fromJson(f.get("report").toString().getBytes(StandardCharsets.UTF_8));
    return new EnvelopeVerifier(roster::roster).verify(env).isValid();
  }

  private static JsonNode row(JsonNode briefing, String category) {
    for (JsonNode r : briefing.at("/cases/byCategory")) {
      if (r.get("category").asText().equals(category)) {
        return r;
      }
    }
    throw new AssertionError("no row " + category);
  }

  private static void created(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
