package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.client.RecordedNode;
import io.liaison.client.TestClock;
import io.liaison.client.cli.CliHarness.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search}, {@code lookup}, {@code networks}, {@code network}, {@code proposals}, {@code
 * proposal}, {@code decide} and {@code hits} end to end against a node stand-in (answers written
 * from the node's own answer types, see NetworkCallsTest). The node's bureau is 140222 天镇县.
 */
class CliNetworkTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";
  private static final String PROPOSAL = "mp-48e66fe24be83d58e0b1e43a0ae3da1f";
  private static final String NETWORK = "net-987f05c3d3daaeb3";

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

  private Result run(String... args) {
    return cli.run(args);
  }

  @Test
  void searchPrintsHitsWithBureauDateAndCaseNumberThenTheFacetCounts() {
    node.on("GET", "/api/v1/search", 200, JSON, "search-page.json");

    Result r =
        run("search", "面包车", "夜间", "--bureau", "150924,140222", "-c", "无证运输", "--limit", "2");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("共 3 条，第 1–2 条");
    assertThat(lines.get(1)).startsWith("日期").contains("来源", "类型", "类别", "案值(元)", "编号 / 标题");
    assertThat(lines.get(2))
        .startsWith("2026-10-14  150924 兴和县  案件")
        .contains("无证运输", "13500.00", "兴烟立字〔2026〕第31号");
    assertThat(lines.get(3).strip()).isEqualTo("…当事人驾驶【面包车】经307国道运输卷烟30条，无法提供准运证 & 购进票据。…");
    assertThat(lines.get(4))
        .startsWith("2026-11-26  150924 兴和县  线索")
        .contains("150924-20261126-G2C1R24Q  蒙J·3K582 白色面包车今晚再次出发");
    for (String word : List.of("类型", "案件", "线索")) {
      String line = lines.stream().filter(l -> l.contains(word)).findFirst().orElseThrow();
      assertThat(Text.width(line.substring(0, line.indexOf(word)))).as(line).isEqualTo(27);
    }
    assertThat(r.out())
        .contains("按局      150924 兴和县 2 · 140222 天镇县 1\n")
        .contains("按类别    无证运输 3\n")
        .contains("按类型    案件 2 · 线索 1\n")
        .endsWith(
            "下一页: liaison search '面包车 夜间' --bureau 150924,140222"
                + " --category UNLICENSED_TRANSPORT --limit 2 --cursor bzoy\n");
    assertThat(cli.requestsTo("/api/v1/search"))
        .containsExactly(
            "/api/v1/search?q=%E9%9D%A2%E5%8C%85%E8%BD%A6%20%E5%A4%9C%E9%97%B4"
                + "&bureau=150924,140222&category=UNLICENSED_TRANSPORT&limit=2"
                + "&facets=bureau,category,kind");
  }

  @Test
  void searchTakesKindAndDaysAndRefusesWhatTheNodeWouldBeforeSending() {
    node.on("GET", "/api/v1/search", 200, JSON, "search-empty.json");

    Result ok = run("search", "--kind", "案件", "--from", "2026-01-01", "--to", "2026-06-30");
    Result badDay = run("search", "x", "--from", "2026/01/01");
    Result reversed = run("search", "x", "--from", "2026-02-01", "--to", "2026-01-01");
    Result badKind = run("search", "x", "--kind", "report");
    Result badLimit = run("search", "x", "--limit", "500");
    Result badCategory = run("search", "x", "-c", "卷烟");

    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEqualTo("(没有找到)\n");
    assertThat(cli.requestsTo("/api/v1/search"))
        .containsExactly(
            "/api/v1/search?q=&kind=case&from=2026-01-01&to=2026-06-30&limit=20"
                + "&facets=bureau,category,kind");
    assertThat(List.of(badDay, reversed, badKind, badLimit, badCategory))
        .allSatisfy(r -> assertThat(r.code()).isEqualTo(2))
        .allSatisfy(r -> assertThat(r.err()).contains("Try 'liaison search --help'"));
    assertThat(badDay.err()).contains("2026-03-12");
    assertThat(reversed.err()).contains("to must not be before from");
    assertThat(badKind.err()).contains("case (案件) or lead (线索)");
    assertThat(badLimit.err()).contains("1 to 100");
    assertThat(badCategory.err()).contains("UNLICENSED_TRANSPORT (无证运输)");
  }

  @Test
  void aQueryTheNodeCannotParseExitsOneWithTheReasonAndAHint() {
    node.on("GET", "/api/v1/search", 400, PROBLEM, "problem-400-bad-query.json");

    Result r = run("search", "\"面包车");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("liaison: Bad request (HTTP 400)")
        .contains("字段: q")
        .contains("hint:   查询写法见 docs/search.md");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void lookupTakesTheTypeInChineseAndShowsTheCanonicalValue() {
    node.on("GET", "/api/v1/search/identifiers", 200, JSON, "search-identifiers.json");

    Result r = run("lookup", "车牌", "蒙J·3K582");
    Result bad = run("lookup", "品牌", "中华");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("车牌 蒙J3K582 · 共 3 条记录");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(2)).contains("150924-20261126-G2C1R24Q");
    assertThat(lines.get(3)).contains("140222 天镇县", "案件", "22500.00", "天烟立字〔2026〕第7号");
    assertThat(cli.requestsTo("/api/v1/search/identifiers"))
        .containsExactly(
            "/api/v1/search/identifiers?type=PLATE&value=%E8%92%99J%C2%B73K582&limit=100");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("车牌 PLATE, 电话 PHONE");
  }

  @Test
  void lookupSaysWhenTheNodeFlagsTheValueAsInvalid() {
    String flagged =
        RecordedNode.recorded("search-identifiers.json")
            .replace(
                "\"type\":\"PLATE\",\"value\":\"蒙J3K582\"",
                "\"type\":\"ID_NUMBER\",\"value\":\"140222198503150033\"")
            .replace("\"valid\":true", "\"valid\":false")
            .replace("\"total\":3", "\"total\":7");
    node.on(
        "GET", "/api/v1/search/identifiers", (x, q) -> RecordedNode.send(x, 200, JSON, flagged));

    Result r = run("lookup", "身份证号", "140222198503150033", "--limit", "3");

    assertThat(r.code()).isZero();
    assertThat(r.out().lines().limit(2))
        .containsExactly(
            "身份证号 140222198503150033 · 共 7 条记录，显示最新 3 条", "注意: 该号码校验不通过（如身份证号校验位不对），仍按原样查找");
    assertThat(cli.requestsTo("/api/v1/search/identifiers"))
        .containsExactly(
            "/api/v1/search/identifiers?type=ID_NUMBER&value=140222198503150033&limit=3");
  }

  @Test
  void networksListsEachWithItsBureausKeyEntitiesAndProposal() {
    node.on("GET", "/api/v1/networks", 200, JSON, "networks.json");

    Result r = run("networks");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("跨局网络案件 共 2 个");
    assertThat(lines.get(2))
        .startsWith(NETWORK + "  3 ")
        .contains("140222 天镇县、150924 兴和县", "2026-10-14 至 2026-11-26", "36000.00", PROPOSAL);
    assertThat(lines.get(3).strip()).isEqualTo("关键对象: 车牌 蒙J3K582（3 条）、电话 13847461285（2 条）");
    assertThat(lines.get(4)).startsWith("net-543606216d88e6c1  2 ").endsWith("  -");
    assertThat(lines.get(5).strip()).isEqualTo("关键对象: 运单号 SF1234567890123（2 条）");
  }

  @Test
  void networkShowsMembersKeyEntitiesAndEachLinksEvidenceInWords() {
    node.on("GET", "/api/v1/networks/" + NETWORK, 200, JSON, "network.json");

    Result r = run("network", NETWORK);

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("网络案件 " + NETWORK + "\n")
        .contains("  涉及局    140222 天镇县、150924 兴和县\n")
        .contains("  成员      3 条记录，3 条关联\n")
        .contains("  查获      16000 支\n")
        .contains("  案值      36000.00 元\n")
        .contains("  并案建议  " + PROPOSAL)
        .containsPattern("关键对象\n  车牌 +蒙J3K582 +3 条记录\n  电话 +13847461285 +2 条记录\n")
        .containsPattern("成员\n  2026-10-14  150924 兴和县  案件 .*兴烟立字〔2026〕第31号\n")
        .contains("  150924-20261126-G2C1R24Q ↔ 天烟立字〔2026〕第7号  可信度 0.97\n")
        .contains("    · 车牌 同一号码不同写法: 蒙J·3K582 ↔ 蒙Ｊ３Ｋ５８２ · 3 条记录含此值 · 计入 +7.0\n")
        .contains("    · 案情文字几乎相同（相似度 0.91） · 计入 +2.5\n")
        .contains("  天烟立字〔2026〕第7号 ↔ 兴烟立字〔2026〕第31号  可信度 0.93\n")
        .contains("    · 电话 完全相同: 0472-7212345 · 41 条记录含此值 · 过于常见 · 不计入\n")
        .contains("    · 品牌 查获同一品牌: 中华 · 120 条记录含此值 · 过于常见 · 不计入\n");
  }

  @Test
  void anUnknownNetworkExitsOneWithTheNodesReason() {
    Result r = run("network", "net-0000000000000000");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Not found (HTTP 404)");
  }

  @Test
  void proposalsShowWhereEachStandsAndWhoHasYetToDecide() {
    node.on("GET", "/api/v1/networks/proposals", 200, JSON, "proposals.json");

    Result r = run("proposals");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("并案建议 共 2 条");
    assertThat(lines.get(2))
        .startsWith(PROPOSAL + "  待决定")
        .contains("140222 天镇县、150924 兴和县", "150924 兴和县", "0.97")
        .endsWith("  140222 天镇县");
    assertThat(lines.get(3))
        .startsWith("mp-08aec2780d1045e20c74396d26e68741  未并案")
        .contains("140221 阳高县、140222 天镇县")
        .endsWith("  -");
    assertThat(r.out()).contains("liaison decide <编号> accept|decline");
  }

  @Test
  void proposalShowsTheRecordsTheEvidenceAndEachSignedDecisionInBeijingTime() {
    node.on("GET", "/api/v1/networks/proposals/" + PROPOSAL, 200, JSON, "proposal-open.json");
    node.on(
        "GET",
        "/api/v1/networks/proposals/mp-9d7688c9f6531f2685689de750f5cf6b",
        200,
        JSON,
        "proposal-withdrawn.json");

    Result r = run("proposal", PROPOSAL);
    Result withdrawn = run("proposal", "mp-9d7688c9f6531f2685689de750f5cf6b");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("并案建议 " + PROPOSAL + "\n")
        .contains("  状态      待决定 · 已同意 150924 兴和县 · 待决定 140222 天镇县\n")
        .contains("  网络案件  " + NETWORK + "\n")
        .contains("  建议主办  150924 兴和县\n")
        .contains("  可信度    0.97")
        .containsPattern("证据（关键对象）\n  车牌 +蒙J3K582 +3 条记录\n")
        .contains("天烟立字〔2026〕第7号")
        .contains("各局决定\n  2026-11-26 21:31  150924 兴和县  同意并案    150924-001 · 主办 150924 兴和县\n");
    assertThat(withdrawn.code()).isZero();
    assertThat(withdrawn.out())
        .contains("本节点已不再提出这条建议")
        .contains("  涉及局    140222 天镇县、150924 兴和县\n")
        .doesNotContain("建议主办");
  }

  @Test
  void decideSignsInTheSignedInOfficersNameAndShowsTheOutcome() throws Exception {
    node.on("POST", "/api/v1/auth/login", 200, JSON, "auth-login.json");
    node.on(
        "POST",
        "/api/v1/networks/proposals/" + PROPOSAL + "/decision",
        201,
        JSON,
        "proposal-open.json");
    cli.env.put("LIAISON_PASSWORD", "liaison-150924");
    assertThat(run("login", "--officer", "150924-001").code()).isZero();

    Result r = run("decide", PROPOSAL, "同意");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "本局同意并案 " + PROPOSAL + " · 主办 150924 兴和县\n状态: 待决定 · 已同意 150924 兴和县 · 待决定 140222 天镇县\n");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    assertThat(sent.toString()).isEqualTo("{\"decision\":\"ACCEPT\",\"officer\":\"150924-001\"}");
    assertThat(cli.lastPost().header("Authorization")).startsWith("Bearer ");
  }

  @Test
  void decideNamesTheLeadBureauAndRefusesAnUnknownVerdictOrNoOfficer() throws Exception {
    node.on(
        "POST",
        "/api/v1/networks/proposals/" + PROPOSAL + "/decision",
        201,
        JSON,
        "proposal-accepted.json");
    cli.env.put("LIAISON_OFFICER", "140222-001");

    Result r = run("decide", PROPOSAL, "accept", "--lead", "150924");
    JsonNode sent = Json.mapper().readTree(cli.lastPost().body());
    Result maybe = run("decide", PROPOSAL, "maybe");
    cli.env.remove("LIAISON_OFFICER");
    Result nobody = run("decide", PROPOSAL, "decline");

    assertThat(r.code()).isZero();
    assertThat(sent.toString())
        .isEqualTo(
            "{\"decision\":\"ACCEPT\",\"officer\":\"140222-001\",\"leadBureau\":\"150924\"}");
    assertThat(r.out())
        .isEqualTo(
            "本局同意并案 " + PROPOSAL + " · 主办 150924 兴和县\n状态: 已并案 · 主办 150924 兴和县 · 协办 140222 天镇县\n");
    assertThat(maybe.code()).isEqualTo(2);
    assertThat(maybe.err()).contains("ACCEPT (同意并案), DECLINE (不同意并案)");
    assertThat(nobody.code()).isEqualTo(2);
    assertThat(nobody.err()).contains("--officer: is required (or sign in: liaison login)");
    assertThat(node.requests().stream().filter(q -> q.method().equals("POST"))).hasSize(1);
  }

  @Test
  void aSecondDecisionIsRefusedWithTheReasonAndAHint() {
    cli.env.put("LIAISON_OFFICER", "140222-001");
    node.on(
        "POST",
        "/api/v1/networks/proposals/" + PROPOSAL + "/decision",
        409,
        PROBLEM,
        "problem-409-already-decided.json");

    Result r = run("decide", PROPOSAL, "decline");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("liaison: Conflict (HTTP 409)")
        .contains("说明: bureau 140222 has decided on this proposal")
        .contains("hint:   本局已对这条并案建议作出决定");
  }

  @Test
  void hitsSayWhichRecordsLinkToWhichRestrictedLeadAndWhomToCall() {
    node.on("GET", "/api/v1/networks/hits", 200, JSON, "hits.json");

    Result r = run("hits");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("限阅线索关联 共 2 条");
    assertThat(lines.get(1))
        .isEqualTo(
            "2026-11-26 21:27  130728 怀安县 的 case:130728:怀烟立字〔2026〕第9号 关联到 140222 天镇县"
                + " 的限阅线索 140222-20261126-BMBPE1XG");
    assertThat(lines.get(2).strip()).isEqualTo("联系: 信息联络员 140222-003 (140222) · 发现: 140221 阳高县");
    assertThat(lines.get(3)).startsWith("2026-11-26 21:25  140222 天镇县 的 case:140222:");
  }

  @Test
  void jsonPrintsTheNodesAnswerAsItCame() throws Exception {
    node.on("GET", "/api/v1/networks/" + NETWORK, 200, JSON, "network.json");
    node.on("GET", "/api/v1/networks/hits", 200, JSON, "hits.json");

    Result network = run("network", NETWORK, "--json");
    Result hits = run("--json", "hits");

    assertThat(Json.mapper().readTree(network.out()))
        .isEqualTo(Json.mapper().readTree(RecordedNode.recorded("network.json")));
    assertThat(Json.mapper().readTree(hits.out()).path("total").asInt()).isEqualTo(2);
  }

  @Test
  void emptyListsSaySoInWords() {
    node.on(
        "GET",
        "/api/v1/networks",
        (x, q) -> RecordedNode.send(x, 200, JSON, "{\"total\":0,\"networks\":[]}"));
    node.on(
        "GET",
        "/api/v1/networks/proposals",
        (x, q) -> RecordedNode.send(x, 200, JSON, "{\"total\":0,\"proposals\":[]}"));
    node.on(
        "GET",
        "/api/v1/networks/hits",
        (x, q) -> RecordedNode.send(x, 200, JSON, "{\"total\":0,\"hits\":[]}"));

    assertThat(run("networks").out()).isEqualTo("(没有跨局网络案件)\n");
    assertThat(run("proposals").out()).isEqualTo("(没有并案建议)\n");
    assertThat(run("hits").out()).isEqualTo("(没有涉及本局限阅线索的关联)\n");
  }

  @Test
  void helpIsThereOnEveryNewCommandWithExamples() {
    for (String cmd :
        List.of(
            "search", "lookup", "networks", "network", "proposals", "proposal", "decide", "hits")) {
      Result r = run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: liaison " + cmd).contains("Example");
    }
  }
}
