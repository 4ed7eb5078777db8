package io.liaison.client.cli;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.client.LiaisonClient;
import io.liaison.client.RecordedNode;
import io.liaison.client.cli.CliHarness.Result;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against a node stand-in that answers with recorded responses. */
class CliTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T13:10:00Z"), ZoneOffset.UTC);
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";

  @TempDir Path config;
  private CliHarness cli;
  private RecordedNode node;

  @BeforeEach
  void start() {
    cli = new CliHarness(config, CLOCK);
    node = cli.node;
    cli.env.put("LIAISON_OFFICER", "140222-003");
    node.on("GET", "/api/v1/roster", 200, JSON, "roster.json");
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  private Result run(String... args) {
    return cli.run(args);
  }

  private Result runBare(String... args) {
    return cli.runBare(args);
  }

  /** The node streams a recorded event stream and ends it. */
  private void serveEvents(String resource) {
    node.on(
        "GET",
        "/api/v1/events",
        (x, rq) -> {
          x.getResponseHeaders().set("Content-Type", "text/event-stream");
          x.sendResponseHeaders(200, 0);
          try (OutputStream out = x.getResponseBody()) {
            out.write(recorded(resource).getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  private RecordedNode.Request lastPost() {
    return cli.lastPost();
  }

  private List<String> requestsTo(String path) {
    return cli.requestsTo(path);
  }

  @Test
  void listPrintsAnAlignedTableInBeijingTimeWithCountyNames() {
    node.on("GET", "/api/v1/leads", 200, JSON, "page-1.json");

    Result r = run("leads", "list", "--limit", "2", "--bureau", "150924");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("编号").contains("发布时间", "来源", "类别", "标题");
    assertThat(lines.get(1))
        .startsWith("150981-20261126-RAQ5DY0G")
        .contains("2026-11-26 21:06", "150981 丰镇市", "无证经营/无证批发", "黑土台镇农家超市无证销售卷烟");
    assertThat(lines.get(2)).contains("150924 兴和县", "走私", "加急");
    for (String line : lines.subList(0, 3)) {
      int time = line.startsWith("编号") ? line.indexOf("发布时间") : line.indexOf("2026-11-26");
      int origin = line.startsWith("编号") ? line.indexOf("来源") : line.indexOf("1509", 26);
      assertThat(Text.width(line.substring(0, time))).isEqualTo(26);
      assertThat(Text.width(line.substring(0, origin))).isEqualTo(44);
    }
    assertThat(lines.get(4))
        .isEqualTo(
            "下一页: liaison leads list --bureau 150924 --limit 2 --cursor "
                + "MTc5NTY5ODM4NjE4NzoxNTA5MjQtMjAyNjExMjYtRlI4Q0sxWkQ");
    assertThat(requestsTo("/api/v1/leads")).containsExactly("/api/v1/leads?limit=2&bureau=150924");
  }

  @Test
  void getShowsTheLeadItsEntitiesAndTheProof() {
    node.on("GET", "/api/v1/leads/140222-20261126-VR6QAZTN", 200, JSON, "lead.json");

    Result r = run("leads", "get", "140222-20261126-VR6QAZTN");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("线索 140222-20261126-VR6QAZTN\n")
        .contains("谷前堡镇民房疑为假烟分装窝点")
        .contains("涉假", "特急")
        .contains("140222 天镇县 · 联络员 140222-003")
        .contains("发布时间  2026-11-26 21:06")
        .contains("发送对象  全体成员")
        .containsPattern("车牌 +晋B·2H650")
        .containsPattern("身份证号 +140222198503150032")
        .contains("签名证明", "140222 天镇县", "ed25519:", "已通过 ✓");
  }

  @Test
  void getShowsTheStatusAndTheSignedHistory() {
    node.on("GET", "/api/v1/leads/150924-20261126-G2C1R24Q", 200, JSON, "lead-claimed.json");

    Result r = run("leads", "get", "150924-20261126-G2C1R24Q");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("状态      已认领 · 承办 140222 天镇县")
        .contains("有效期至  2026-11-28 21:21")
        .contains("发送对象  140222 天镇县")
        .contains("办理记录\n  2026-11-26 21:21  认领      140222 天镇县 · 140222-011\n")
        .contains("反馈      140222 天镇县 · 140222-011 · 反馈: 已在新平堡设卡，查获卷烟12件。");
  }

  @Test
  void tailPrintsTransitionsWithTheLeadsNewState() throws Exception {
    serveEvents("events-transitions.txt");

    Result r = run("events", "tail", "--last-event-id", "14", "--count", "3");

    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("#15", "新线索", "150924 兴和县", "[无证运输] 蒙J·3K582");
    assertThat(lines.get(1))
        .startsWith("2026-11-26 21:21  #16")
        .contains("线索已认领", "150924-20261126-G2C1R24Q", "140222 天镇县", "[已认领] 蒙J·3K582");
    assertThat(lines.get(2)).contains("#17", "线索反馈", "140222 天镇县");
  }

  @Test
  void postBuildsTheDraftFromFlagsWrittenInChinese() throws Exception {
    node.on("POST", "/api/v1/leads", 201, JSON, "lead.json");

    Result r =
        run(
            "leads",
            "post",
            "-c",
            "涉假",
            "-u",
            "特急",
            "-t",
            "谷前堡镇民房疑为假烟分装窝点",
            "-n",
            "屋主郭某。",
            "-e",
            "车牌=晋B·2H650",
            "-e",
            "phone=13847461285",
            "--target",
            "150924,140221",
            "--expires",
            "7d",
            "-l",
            "天镇县谷前堡镇");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("已发布线索 140222-20261126-VR6QAZTN · 2026-11-26 21:06");
    JsonNode sent = Json.mapper().readTree(node.last().body());
    assertThat(sent.path("officer").asText()).isEqualTo("140222-003");
    assertThat(sent.path("category").asText()).isEqualTo("COUNTERFEIT");
    assertThat(sent.path("urgency").asText()).isEqualTo("URGENT");
    assertThat(sent.path("entities").toString())
        .isEqualTo(
            "[{\"type\":\"PLATE\",\"value\":\"晋B·2H650\"},{\"type\":\"PHONE\",\"value\":\"13847461285\"}]");
    assertThat(sent.path("targetBureaus").toString()).isEqualTo("[\"150924\",\"140221\"]");
    assertThat(sent.path("expiresAt").asText()).isEqualTo("2026-12-03T13:10:00Z");
    assertThat(sent.path("location").asText()).isEqualTo("天镇县谷前堡镇");
  }

  @Test
  void postTakesADraftFileAndFlagsOverrideIt(@TempDir Path dir) throws Exception {
    node.on("POST", "/api/v1/leads", 201, JSON, "lead.json");
    Path draft = dir.resolve("draft.json");
    Files.writeString(
        draft,
        "{\"officer\":\"150924-017\",\"category\":\"UNLICENSED_TRANSPORT\",\"title\":\"旧标题\","
            + "\"narrative\":\"夜间运烟\",\"entities\":[{\"type\":\"PLATE\",\"value\":\"蒙J·3K582\"}]}",
        StandardCharsets.UTF_8);

    Result r = run("leads", "post", "--file", draft.toString(), "--title", "新标题");

    assertThat(r.code()).isZero();
    JsonNode sent = Json.mapper().readTree(node.last().body());
    assertThat(sent.path("title").asText()).isEqualTo("新标题");
    assertThat(sent.path("officer").asText()).isEqualTo("150924-017");
    assertThat(sent.path("entities").get(0).path("value").asText()).isEqualTo("蒙J·3K582");
  }

  @Test
  void anIncompleteDraftIsAUsageErrorAndNothingIsSent(@TempDir Path dir) throws Exception {
    cli.env.remove("LIAISON_OFFICER");
    Result noOfficer = run("leads", "post", "-c", "OTHER", "-t", "t", "-n", "n");
    Result noTitle = run("leads", "post", "--officer", "o", "-c", "OTHER", "-n", "n");
    Result badEntity = run("leads", "post", "-e", "PLATE");
    Result badTarget = run("leads", "post", "--target", "12");
    Result badExpiry = run("leads", "post", "--officer", "o", "--expires", "soon");
    Path file = dir.resolve("d.json");
    Files.writeString(file, "{\"officer\":\"o\",\"colour\":\"red\"}");
    Result unknownField = run("leads", "post", "--file", file.toString());

    assertThat(List.of(noOfficer, noTitle, badEntity, badTarget, badExpiry, unknownField))
        .allSatisfy(r -> assertThat(r.code()).isEqualTo(2))
        .allSatisfy(r -> assertThat(r.err()).contains("Try 'liaison leads post --help'"));
    assertThat(noOfficer.err()).contains("--officer: is required (or sign in: liaison login)");
    assertThat(noTitle.err()).contains("--title: is required");
    assertThat(badEntity.err()).contains("--entity").contains("TYPE=VALUE");
    assertThat(badTarget.err()).contains("--target").contains("six digits");
    assertThat(badExpiry.err()).contains("--expires").contains("7d");
    assertThat(unknownField.err()).contains("colour");
    assertThat(requestsTo("/api/v1/leads")).isEmpty();
  }

  @Test
  void claimSendsOneSignedTransitionAndShowsTheNewState() throws Exception {
    node.on(
        "POST",
        "/api/v1/leads/150924-20261126-G2C1R24Q/transitions",
        200,
        JSON,
        "lead-claimed.json");

    Result r = run("leads", "claim", "150924-20261126-G2C1R24Q", "--note", "今晚设卡");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("认领 150924-20261126-G2C1R24Q · 状态 已认领 · 承办 140222 天镇县\n");
    JsonNode sent = Json.mapper().readTree(lastPost().body());
    assertThat(sent.path("event").asText()).isEqualTo("CLAIM");
    assertThat(sent.path("officer").asText()).isEqualTo("140222-003");
    assertThat(sent.path("note").asText()).isEqualTo("今晚设卡");
    assertThat(lastPost().header("Idempotency-Key")).matches("[0-9a-f-]{36}");
  }

  @Test
  void lifecycleCommandsCheckTheirFieldsBeforeSending() throws Exception {
    node.on("POST", "/api/v1/leads/L/transitions", 200, JSON, "lead-claimed.json");

    Result close = run("leads", "close", "L", "--outcome", "立案");
    Result handover = run("leads", "handover", "L");
    Result feedback = run("leads", "feedback", "L", "--text", "已查获卷烟12件");

    assertThat(close.code()).isEqualTo(2);
    assertThat(close.err()).contains("--case-number: is required when the outcome is CASE_OPENED");
    assertThat(handover.code()).isEqualTo(2);
    assertThat(handover.err()).contains("--to");
    assertThat(feedback.code()).isZero();
    assertThat(node.requests().stream().filter(q -> q.method().equals("POST"))).hasSize(1);
    assertThat(Json.mapper().readTree(lastPost().body()).path("feedback").asText())
        .isEqualTo("已查获卷烟12件");
  }

  @Test
  void inboxListsAViewOfTheWorkList() {
    node.on("GET", "/api/v1/inbox", 200, JSON, "page-1.json");

    Result r = run("inbox", "awaiting-feedback", "--limit", "2");
    Result bad = run("inbox", "someday");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("黑土台镇农家超市无证销售卷烟").contains("下一页: liaison inbox awaiting-feedback");
    assertThat(requestsTo("/api/v1/inbox"))
        .containsExactly("/api/v1/inbox?view=awaiting-feedback&limit=2");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("open, claimed, awaiting-feedback");
  }

  @Test
  void aRefusalPrintsTheProblemAndExitsOne() {
    node.on("POST", "/api/v1/leads", 422, PROBLEM, "problem-422.json");

    Result r = run("leads", "post", "-c", "OTHER", "-t", "t", "-n", "n");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("liaison: Invalid content (HTTP 422)")
        .contains("说明: /title must not be blank")
        .contains("字段: /title");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void jsonPrintsWhatTheNodeSentIncludingFieldsThisClientDoesNotKnow() throws Exception {
    String newer = recorded("lead.json").replaceFirst("\\{", "{\"futureField\":42,");
    node.on("GET", "/api/v1/leads/x", (x, rq) -> RecordedNode.send(x, 200, JSON, newer));

    Result r = run("leads", "get", "x", "--json");

    assertThat(r.code()).isZero();
    assertThat(Json.mapper().readTree(r.out())).isEqualTo(Json.mapper().readTree(newer));
    assertThat(r.out()).contains("谷前堡镇民房疑为假烟分装窝点");
  }

  @Test
  void tailPrintsOneLinePerEventResumingFromTheGivenId() throws Exception {
    serveEvents("events-after-10.txt");

    Result text = run("events", "tail", "--last-event-id", "10", "--count", "2");
    Result json = run("events", "tail", "--last-event-id", "10", "--count", "1", "--json");

    assertThat(text.code()).isZero();
    List<String> lines = text.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("2026-11-26 21:06  #11").contains("新线索", "140221 阳高县");
    assertThat(lines.get(1)).contains("#12", "新线索");
    assertThat(json.out().lines().toList()).hasSize(1);
    JsonNode e = Json.mapper().readTree(json.out().lines().findFirst().orElseThrow());
    assertThat(e.path("id").asText()).isEqualTo("11");
    assertThat(e.path("event").asText()).isEqualTo("lead.posted");
    assertThat(e.path("data").path("lead").path("title").asText()).isNotBlank();
    assertThat(node.requests().stream().filter(q -> q.pathAndQuery().equals("/api/v1/events")))
        .allSatisfy(q -> assertThat(q.header("Last-Event-ID")).isEqualTo("10"));
  }

  @Test
  void rosterMarksTheNodesOwnBureau() {
    Result r = run("roster");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("成员名录 第 1 版").contains("本节点 140222 天镇县烟草专卖局");
    assertThat(r.out().lines().filter(l -> l.startsWith("* ")))
        .singleElement()
        .asString()
        .contains("140222", "天镇县烟草专卖局", "山西省", "http://127.0.0.1:8083");
    assertThat(r.out().lines().filter(l -> l.startsWith("  1"))).hasSize(5);
  }

  @Test
  void healthExitsZeroOnlyWhenReady() {
    node.on(
        "GET", "/health/live", (x, rq) -> RecordedNode.send(x, 200, JSON, "{\"status\":\"UP\"}"));
    node.on("GET", "/health/ready", (x, rq) -> RecordedNode.send(x, 503, JSON, "{}"));

    Result r = run("health");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("存活(live): UP", "就绪(ready): DOWN");
  }

  @Test
  void theNodeComesFromTheEnvironmentAndOptionsWorkAfterTheCommand() throws Exception {
    cli.env.put("LIAISON_NODE", node.uri().toString());

    Result r = runBare("roster", "--json");

    assertThat(r.code()).isZero();
    assertThat(Json.mapper().readTree(r.out()).path("self").asText()).isEqualTo("140222");
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    Result none = run();
    Result unknown = run("leads", "lst");

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: liaison");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Did you mean").contains("list");
  }

  @Test
  void anUnreachableNodeExitsOne() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }

    Result r = runBare("--node", "http://127.0.0.1:" + port, "roster");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach the node at http://127.0.0.1:" + port);
  }

  @Test
  void helpIsThereOnEveryCommand() {
    for (String[] cmd :
        List.of(
            new String[] {"--help"},
            new String[] {"leads", "--help"},
            new String[] {"leads", "post", "--help"},
            new String[] {"leads", "get", "--help"},
            new String[] {"leads", "list", "--help"},
            new String[] {"leads", "claim", "--help"},
            new String[] {"leads", "close", "--help"},
            new String[] {"inbox", "--help"},
            new String[] {"events", "tail", "--help"},
            new String[] {"roster", "--help"},
            new String[] {"health", "--help"},
            new String[] {"login", "--help"},
            new String[] {"logout", "--help"},
            new String[] {"whoami", "--help"},
            new String[] {"officers", "add", "--help"},
            new String[] {"officers", "list", "--help"},
            new String[] {"access-log", "--help"})) {
      Result r = run(cmd);
      assertThat(r.code()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).contains("Usage: liaison");
    }
    assertThat(Cli.DEFAULT_NODE).isEqualTo(LiaisonClient.DEFAULT_NODE.toString());
  }
}
