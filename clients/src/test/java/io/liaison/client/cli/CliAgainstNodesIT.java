package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.Meeting;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.TargetKind;
import io.liaison.api.forms.FormDraft;
import io.liaison.api.forms.FormGoods;
import io.liaison.api.forms.FormKind;
import io.liaison.api.forms.Party;
import io.liaison.api.report.Period;
import io.liaison.client.LiaisonClient;
import io.liaison.client.NodeData;
import io.liaison.crypto.Hashes;
import io.liaison.node.Await;
import io.liaison.node.TestCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code liaison} command line against three real nodes (兴和县 150924, 天镇县 140222, 阳高县 140221
 * from node's {@link TestCluster}): every command is run, in-process, with its output checked (the
 * text officers read, or {@code --json}), and the last test fails naming any command no test ran.
 * What the CLI has no command for (sharing a case, revising a plan, recording a joint meeting) is
 * set up through the Java client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliAgainstNodesIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String X = TestCluster.OFFICERS.get(0);
  static final String T = TestCluster.OFFICERS.get(1);
  static final String Y = TestCluster.OFFICERS.get(2);

  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(out);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON: " + out + err, e);
      }
    }
  }

  @TempDir static Path dir;
  static TestCluster cluster;
  static final Map<String, String> env = new HashMap<>();
  static final Set<String> ran = ConcurrentHashMap.newKeySet();
  static final Map<String, String> ids = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 3).startAll();
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    env.put("LIAISON_PASSWORD", TestCluster.PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Runs {@code liaison --node <node i> args…}; notes the command run. */
  static Result cli(int node, String... args) {
    List<String> all = new ArrayList<>(List.of("--node", cluster.url(node)));
    all.addAll(List.of(args));
    String[] argv = all.toArray(String[]::new);
    CommandLine parser = new CommandLine(new Cli(env, Clock.systemUTC(), Terminal.NONE));
    Converters.register(parser);
    CommandLine.ParseResult parsed = parser.parseArgs(argv);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    ran.add(parsed.commandSpec().qualifiedName());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            argv,
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            Clock.systemUTC(),
            Terminal.NONE);
    return new Result(code, out.toString(), err.toString());
  }

  /** As {@link #cli}, and the command must succeed. */
  static Result ok(int node, String... args) {
    Result r = cli(node, args);
    assertThat(r.code()).as("liaison %s%n%s%s", String.join(" ", args), r.out(), r.err()).isZero();
    return r;
  }

  /** A client of node i signed in as its test officer, for what the CLI has no command for. */
  static LiaisonClient client(int i) {
    LiaisonClient c = LiaisonClient.create(java.net.URI.create(cluster.url(i)));
    c.login(TestCluster.OFFICERS.get(i), TestCluster.PASSWORD.toCharArray());
    return c;
  }

  static Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  @Order(1)
  void signsInOnEachNodeAndReadsTheNode() {
    assertThat(ok(0, "health").out()).contains("ready");
    assertThat(cli(0, "whoami").code()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      String officer = TestCluster.OFFICERS.get(i);
      assertThat(ok(i, "login", "--officer", officer).out()).contains(officer);
      assertThat(ok(i, "whoami").out()).contains(officer);
    }
    assertThat(ok(0, "roster").out()).contains("兴和县", "天镇县", "阳高县");
  }

  @Test
  @Order(2)
  void aLeadIsPostedClaimedReleasedHandedOverDeclinedAcceptedAndClosed() {
    String id =
        ok(
                0,
                "leads",
                "post",
                "-c",
                "无证运输",
                "-t",
                "蒙J·3K582 面包车夜间往天镇方向运烟",
                "-n",
                "据群众举报,车牌号为蒙J·3K582的白色面包车每周二夜间经307国道往天镇县方向运输卷烟。",
                "-e",
                "车牌=蒙J·3K582",
                "--target",
                "140222",
                "--json")
            .json()
            .get("id")
            .asText();
    Await.until(WAIT, () -> cli(1, "leads", "get", id).code() == 0, "the lead on 天镇县's node");
    assertThat(ok(1, "leads", "get", id).out()).contains("蒙J·3K582", "待认领");
    assertThat(ok(0, "leads", "list", "-b", "150924").out()).contains(id);
    Await.until(WAIT, () -> ok(1, "inbox", "open").out().contains(id), "in 天镇县's open inbox");

    assertThat(ok(1, "leads", "claim", id).out()).contains(id, "已认领");
    assertThat(ok(1, "leads", "release", id).out()).contains(id, "待认领");
    ok(1, "leads", "claim", id);
    // a second claim is the node's 409, explained
    Result twice = cli(1, "leads", "claim", id);
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err()).contains("409");
    assertThat(ok(1, "leads", "handover", id, "--to", "140221").out()).contains("移交待接收");
    Await.until(WAIT, () -> ok(2, "leads", "get", id).out().contains("移交待接收"), "the offer on 阳高县");
    ok(2, "leads", "decline", id);
    Await.until(
        WAIT, () -> ok(1, "leads", "get", id).out().contains("已认领"), "declined back on 天镇县");
    ok(1, "leads", "handover", id, "--to", "140221");
    Await.until(
        WAIT, () -> ok(2, "leads", "get", id).out().contains("移交待接收"), "the new offer on 阳高县");
    assertThat(ok(2, "leads", "accept", id).out()).contains("已认领");
    assertThat(ok(2, "leads", "investigate", id).out()).contains("核查中");
    ok(2, "leads", "feedback", id, "--text", "已核实，车辆在阳高县龙泉镇落脚。");
    assertThat(ok(2, "leads", "close", id, "--outcome", "UNFOUNDED").out()).contains("已办结");
    Await.until(
        WAIT, () -> ok(0, "leads", "get", id).out().contains("已办结"), "closed seen at the origin");

    String other =
        ok(0, "leads", "post", "-c", "无证经营/无证批发", "-t", "城关镇无证售烟", "-n", "城关镇某超市无证销售卷烟。", "--json")
            .json()
            .get("id")
            .asText();
    assertThat(ok(0, "leads", "withdraw", other).out()).contains("已撤回");

    String[] lines =
        ok(0, "--json", "events", "tail", "--last-event-id", "0", "--count", "3")
            .out()
            .strip()
            .split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("lead.posted");
  }

  @Test
  @Order(2)
  void tianzhenLeadsYanggaoCoHandlesAndEachGivesItsOwnFeedback() {
    String id =
        ok(0, "leads", "post", "-c", "涉假", "-t", "两县交界处假烟窝点", "-n", "举报人称天镇、阳高交界处有假烟分装点。", "--json")
            .json()
            .get("id")
            .asText();
    Await.until(WAIT, () -> cli(1, "leads", "get", id).code() == 0, "the lead on 天镇县's node");
    assertThat(ok(1, "leads", "claim", id, "--cohandler", "140221", "--note", "请查阳高段物流").out())
        .contains(id, "已认领", "协办", "待接受");
    Await.until(
        WAIT, () -> ok(2, "inbox", "cohandling").out().contains(id), "in 阳高县's co-handling inbox");
    assertThat(ok(2, "leads", "cohandle", id, "decline", "--note", "警力不足").out()).contains("已拒绝");
    Result bad = cli(2, "leads", "cohandle", id, "maybe");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("ANSWER");
    Await.until(WAIT, () -> ok(1, "leads", "get", id).out().contains("已拒绝"), "the decline on 天镇县");
    assertThat(ok(1, "leads", "invite", id, "--cohandler", "140221", "--note", "再请协查阳高段").out())
        .contains("待接受");
    Await.until(
        WAIT, () -> ok(2, "leads", "get", id).out().contains("再请协查阳高段"), "the new invitation");
    assertThat(ok(2, "leads", "cohandle", id, "accept").out()).contains("协办中");
    Result twice = cli(2, "leads", "cohandle", id, "accept");
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err()).contains("409");
    ok(2, "leads", "feedback", id, "--text", "阳高段查获面包车一辆");
    ok(1, "leads", "feedback", id, "--text", "天镇段窝点已查封");
    Await.until(
        WAIT,
        () -> ok(0, "leads", "get", id).out().contains("阳高段查获面包车一辆"),
        "both feedbacks seen at the origin");
    String seen = ok(0, "leads", "get", id).out();
    assertThat(seen).contains("协办", "阳高县", "协办中", "协办反馈", "天镇段窝点已查封");
  }

  @Test
  @Order(3)
  void casesAreSearchedLookedUpLinkedAndTheMergeDecidedByBothBureaus() {
    client(0)
        .post(
            "/api/v1/cases",
            NodeData.caseBody(
                "兴烟立字〔2026〕第7001号",
                "150924",
                "2026-09-12",
                "查获无证运输卷烟六十条，车辆蒙J·5Q318，电话13947161234。",
                "蒙J·5Q318",
                "13947161234"),
            JsonNode.class);
    client(1)
        .post(
            "/api/v1/cases",
            NodeData.caseBody(
                "天烟立字〔2026〕第7002号",
                "140222",
                "2026-09-12",
                "查获无证运输卷烟六十条，车辆蒙J5Q318，电话139-4716-1234。",
                "蒙J5Q318",
                "139-4716-1234"),
            JsonNode.class);
    Await.until(
        WAIT,
        () -> ok(2, "--json", "search", "卷烟").json().get("total").asLong() >= 2,
        "both cases found on 阳高县");
    assertThat(ok(2, "search", "卷烟", "-b", "150924").out()).contains("兴烟立字〔2026〕第7001号");
    // the identifier look-up is answered by the link index, which follows the search index (a
    // batch of received cases is linked after it is indexed): wait for it as for the search
    Await.until(
        WAIT,
        () -> ok(2, "--json", "lookup", "车牌", "蒙j-5q318").json().get("total").asLong() >= 2,
        "both cases looked up on 阳高县");
    assertThat(ok(2, "--json", "lookup", "车牌", "蒙j-5q318").json().get("total").asLong())
        .isEqualTo(2);

    Await.until(
        WAIT,
        () -> ok(0, "--json", "networks").json().path("networks").size() > 0,
        "a network on 兴和县");
    JsonNode entry = ok(0, "--json", "networks").json().get("networks").get(0);
    String network = entry.at("/network/id").asText();
    String proposal = entry.get("proposalId").asText();
    ids.put("network", network);
    assertThat(ok(0, "networks").out()).contains(network);
    assertThat(ok(1, "network", network).out()).contains("蒙J");
    Await.until(WAIT, () -> ok(1, "proposals").out().contains(proposal), "the proposal on 天镇县");
    assertThat(ok(1, "proposal", proposal).out()).contains(proposal);
    ok(0, "decide", proposal, "accept", "--lead", "150924");
    Result again = cli(0, "decide", proposal, "decline");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("409");
    ok(1, "decide", proposal, "同意", "--lead", "150924");
    Await.until(
        WAIT,
        () ->
            ok(2, "--json", "proposal", proposal)
                .json()
                .at("/status/state")
                .asText()
                .equals("ACCEPTED"),
        "the merge accepted on 阳高县");
  }

  @Test
  @Order(4)
  void aSealedLeadMatchedByACaseIsAHitForBothOwners() {
    String lead =
        ok(
                0,
                "leads",
                "post",
                "-c",
                "无证运输",
                "-t",
                "夜间送烟车辆(限天镇)",
                "-n",
                "线人报称：蒙J·7H226每周三夜间经兴和县往阳高县送烟。",
                "-e",
                "车牌=蒙J·7H226",
                "--target",
                "140222",
                "--distribution",
                "RESTRICTED",
                "--json")
            .json()
            .get("id")
            .asText();
    Await.until(WAIT, () -> cli(2, "leads", "get", lead).code() == 0, "the outline on 阳高县");
    client(2)
        .post(
            "/api/v1/cases",
            NodeData.caseBody(
                "阳烟立字〔2026〕第7101号",
                "140221",
                "2026-09-12",
                "查获无证运输卷烟六十条，车辆蒙J7H226，电话136-0478-6612。",
                "蒙J7H226",
                "136-0478-6612"),
            JsonNode.class);
    Await.until(WAIT, () -> ok(2, "--json", "hits").out().contains(lead), "the hit on 阳高县");
    assertThat(ok(2, "hits").out()).contains("150924-017");
  }

  @Test
  @Order(5)
  void theAdministratorEnrolsAnOfficerAndTheAuditorReadsTheLog() throws Exception {
    Path pw = file("pw.txt", "a-long-password-102\n");
    assertThat(
            ok(
                    0,
                    "officers",
                    "add",
                    "150924-102",
                    "--name",
                    "张三",
                    "--role",
                    "LIAISON",
                    "--password-file",
                    pw.toString())
                .out())
        .contains("150924-102");
    assertThat(ok(0, "officers", "list").out()).contains("150924-102", "张三");
    assertThat(ok(0, "access-log", "--officer", X, "-n", "500").out())
        .contains("/api/v1/admin/officers");
  }

  @Test
  @Order(6)
  void tianzhenChecksXingheRetailersAndTheFiguresShowOnBothSides() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    ok(
        0,
        "price",
        "group-save",
        file("g1.json", group("150924-CG01", "150924", "150924100001", "150924100002")).toString());
    ok(
        1,
        "price",
        "group-save",
        file("g2.json", group("140222-TZ01", "140222", "140222100001", "140222100002")).toString());
    ok(
        0,
        "price",
        "agreement-add",
        file("a1.json", agreement("150924-CG01", "150924", 4500, 45000)).toString());
    ok(
        1,
        "price",
        "agreement-add",
        file("a2.json", agreement("140222-TZ01", "140222", 4700, 47000)).toString());
    Await.until(
        WAIT,
        () -> ok(1, "--json", "price", "agreements").json().size() == 2,
        "both agreements on 天镇县");
    assertThat(ok(1, "price", "groups", "--bureau", "150924").out()).contains("150924-CG01");
    assertThat(ok(1, "price", "agreements", "--bureau", "150924").out()).contains("中华");

    String id =
        ok(
                1,
                "--json",
                "price",
                "plan",
                "--checked",
                "150924",
                "--group",
                "150924-CG01",
                "--from",
                today.minusDays(1).toString(),
                "--to",
                today.plusDays(1).toString(),
                "--officer",
                T,
                "--officer",
                "140222-011",
                "--note",
                "突击检查城关镇")
            .json()
            .get("id")
            .asText();
    assertThat(ok(1, "price", "checks").out()).contains(id);
    assertThat(cli(0, "price", "check", id).code()).isEqualTo(1);
    Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
    Path findings =
        file(
            "findings.json",
            "{\"officer\":\""
                + T
                + "\",\"visits\":["
                + visit("150924100001", at, 48000)
                + ","
                + visit("150924100002", at, 45000)
                + "]}");
    ok(1, "price", "record", id, findings.toString());
    Path sheet =
        file(
            "sheet.csv",
            "许可证号,检查时间,地点,品牌规格,单位,标价,实际售价\n150924100001," + today + " 10:00,城关镇,中华(硬),条,480,480\n");
    ok(1, "price", "import", id, sheet.toString(), "--officer", T);
    Await.until(WAIT, () -> cli(0, "price", "check", id).code() == 0, "the check on 兴和县");
    assertThat(ok(0, "--json", "price", "check", id).json().get("visits")).hasSize(3);
    Await.until(
        WAIT,
        () ->
            ok(0, "--json", "price", "compliance", "--bureau", "150924")
                    .json()
                    .at("/total/judged")
                    .asLong()
                == 3,
        "the figures on 兴和县");
    assertThat(ok(0, "price", "compliance", "--by", "GROUP").out()).contains("150924-CG01");
    assertThat(ok(0, "price", "deviators", "--min", "2").out()).contains("150924100001");
    assertThat(ok(1, "--json", "price", "gaps", "--pair", "150924-140222").out())
        .contains("\"flagged\" : true");
    Path meeting =
        file(
            "meeting.json",
            "{\"bureau\":\"140222\",\"kind\":\"VISIT\",\"on\":\""
                + today
                + "\",\"place\":\"兴和县城关镇\",\"bureaus\":[\"140222\",\"150924\"],"
                + "\"groups\":[\"150924-CG01\"],\"participants\":[\"天镇县营销部 赵\"],\"notes\":\"观摩明码实价自律小组\"}");
    ok(1, "price", "meeting-add", meeting.toString());
    assertThat(ok(1, "price", "meetings").out()).contains("兴和县城关镇");
  }

  @Test
  @Order(7)
  void aPlanFromTheNetworkIsApprovedByThreeChiefsRunAndSummarized() {
    String network = ids.get("network");
    String id =
        ok(0, "--json", "actions", "from-network", network, "--with", "140221")
            .json()
            .get("id")
            .asText();
    assertThat(ok(0, "actions", "checklist", id).out()).contains("未确定集结地点");
    // proposing it incomplete: the node's 422, in Chinese, every missing item named
    Result early = cli(0, "actions", "step", id, "propose", "--version", "1");
    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err())
        .contains("内容无效 (HTTP 422)", "说明: 提议前须补全：", "未确定集结地点", "字段: ")
        .doesNotContain("Invalid content", "before proposing");
    // the CLI has no command to edit a plan: the lead bureau completes it through the client
    LiaisonClient x = client(0);
    PlanView v1 = x.actions().get(id);
    x.actions().revise(id, X, NodeData.completed(v1.plan()));
    assertThat(ok(0, "--json", "actions", "checklist", id).json().get("ready").asBoolean())
        .isTrue();
    ok(0, "actions", "step", id, "propose", "--version", "2");
    for (int n : new int[] {1, 2}) {
      Await.until(
          WAIT,
          () ->
              ok(n, "--json", "actions", "get", id).json().get("state").asText().equals("PROPOSED"),
          "proposed on node " + n);
    }
    for (int n : new int[] {1, 2, 0}) {
      ok(n, "actions", "step", id, "approve", "--version", "2");
    }
    Await.until(
        WAIT,
        () -> ok(0, "--json", "actions", "get", id).json().get("state").asText().equals("APPROVED"),
        "approved on 兴和县");
    ok(0, "actions", "step", id, "activate");
    Await.until(
        WAIT,
        () -> ok(1, "--json", "actions", "get", id).json().get("state").asText().equals("ACTIVE"),
        "active on 天镇县");
    ok(1, "actions", "step", id, "brief", "今日在玉泉镇设卡两处");
    ok(0, "actions", "result", id, "--officer-times", "20", "--cartons", "60", "--yuan", "27000");
    ok(1, "actions", "result", id, "--officer-times", "12", "--premises", "18");
    ok(2, "actions", "result", id, "--officer-times", "6");
    Await.until(
        WAIT,
        () -> ok(0, "--json", "actions", "get", id).json().get("results").size() == 3,
        "three results on 兴和县");
    ok(0, "actions", "step", id, "complete");
    ok(0, "actions", "summarize", id, "三地联合查处蒙J·5Q318运烟网络", "--lessons", "提前共享线索");
    Await.until(
        WAIT,
        () ->
            ok(2, "--json", "actions", "get", id).json().get("state").asText().equals("SUMMARIZED"),
        "summarized on 阳高县");
    JsonNode done = ok(2, "--json", "actions", "get", id).json();
    assertThat(done.at("/total/officerTimes").asLong()).isEqualTo(38);
    assertThat(done.at("/total/sticksSeized").asLong()).isEqualTo(12_000);
    assertThat(ok(2, "actions", "get", id).out()).contains("已总结");
    assertThat(ok(1, "actions", "list").out()).contains(id);

    // 阳高县's own checkpoint on the same van: the CLI shows the alert
    LiaisonClient y = client(2);
    PlanContent t = y.actions().template(PlanKind.CHECKPOINT);
    PlanView own =
        y.actions()
            .create(
                Y,
                new PlanContent(
                    "阳高县龙泉镇查堵",
                    t.kind(),
                    BureauId.of("140221"),
                    List.of(
                        new Commitment(
                            BureauId.of("140221"), 1, 2, 1, List.of("赵队长"), List.of("收费站查堵")),
                        new Commitment(
                            BureauId.of("140222"), 1, 2, 0, List.of("钱队长"), List.of("配合查堵"))),
                    t.partnerAgencies(),
                    List.of(
                        new PlanTarget(
                            TargetKind.VEHICLE,
                            "可疑面包车",
                            io.liaison.api.cases.EntityType.PLATE,
                            "蒙j-5q318",
                            null)),
                    List.of("阳高县龙泉镇"),
                    "阳高县龙泉镇收费站",
                    t.window(),
                    t.communications(),
                    t.contingency(),
                    List.of(),
                    List.of(),
                    List.of()));
    ok(2, "actions", "step", own.id(), "propose", "--version", "1");
    Await.until(
        WAIT,
        () -> ok(2, "--json", "actions", "conflicts").out().contains(own.id()),
        "the alert on 阳高县");
    assertThat(ok(2, "actions", "conflicts").out()).contains("150924");
  }

  @Test
  @Order(8)
  void aJointMeetingsItemIsAcknowledgedAndDoneFromTheCommandLine() {
    // the CLI has no command to record minutes: the host records them through the client
    String id =
        client(0)
            .actions()
            .recordMeeting(
                X,
                new Meeting(
                    "2026年下半年联席会议",
                    true,
                    Instant.now().minus(1, ChronoUnit.DAYS),
                    "兴和县烟草专卖局",
                    BureauId.of("150924"),
                    List.of(BureauId.of("150924"), BureauId.of("140222")),
                    List.of(),
                    List.of("商定联合整治"),
                    "双方通报了上半年查处的跨界案件。",
                    List.of("十二月开展联合整治"),
                    List.of(
                        new Meeting.Item(
                            "排查玉泉镇物流点",
                            BureauId.of("140222"),
                            LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7)))))
            .id();
    Await.until(
        WAIT, () -> ok(1, "actions", "items").out().contains("排查玉泉镇物流点"), "the item on 天镇县");
    ok(1, "actions", "ack", id);
    ok(1, "actions", "done", id, "1");
    assertThat(ok(1, "actions", "items").out()).doesNotContain("排查玉泉镇物流点");
  }

  @Test
  @Order(9)
  void theBureausAgreeRulesKeepAreasFileFormsAndAMajorLeadIsToldToTheNeighbours() throws Exception {
    // the rules: 兴和县 proposes, 天镇县 and 阳高县 sign the same content
    assertThat(ok(0, "settings", "show").out()).contains("现行约定: 无");
    String hash =
        ok(
                0,
                "--json",
                "settings",
                "propose",
                "--version",
                "1",
                "--feedback-days",
                "15",
                "--remind-days",
                "5",
                "--escalate-days",
                "15",
                "--major-yuan",
                "50000",
                "--basis",
                "协作机制")
            .json()
            .at("/proposals/0/contentHash")
            .asText();
    assertThat(hash).isNotBlank();
    for (int n : new int[] {1, 2}) {
      Await.until(
          WAIT, () -> ok(n, "settings", "show").out().contains(hash), "the proposal on node " + n);
      ok(n, "settings", "agree", "1", "--content-hash", hash);
    }
    Await.until(
        WAIT,
        () -> ok(1, "settings", "show").out().contains("现行约定 第 1 版"),
        "the rules in force on 天镇县");
    assertThat(ok(1, "settings", "show").out()).contains("反馈期限 15 天", "重大案件 50000 元起", "协作机制");

    // 兴和县's area; 天镇县's case naming its village is told to it with the evidence
    Path area =
        file(
            "area.json",
            "{\"bureau\":\"150924\",\"places\":[\"兴和县\",\"大同窑村\"],"
                + "\"platePrefixes\":[\"蒙J\"],\"licenceRegions\":[],\"idRegions\":[]}");
    assertThat(ok(0, "area", "save", area.toString()).out()).contains("150924 辖区", "大同窑村", "蒙J");
    long version = ok(0, "--json", "area", "show").json().get("version").asLong();
    assertThat(ok(0, "area", "show").out()).contains("第 " + version + " 版", "大同窑村");
    client(1)
        .post(
            "/api/v1/cases",
            NodeData.caseBody(
                "天烟立字〔2026〕第9号",
                "140222",
                "2026-10-05",
                "在新平堡镇查获卷烟，货源来自大同窑村。",
                "晋B·12345",
                "13947160000"),
            JsonNode.class);
    Await.until(WAIT, () -> ok(0, "area", "touches").out().contains("第9号"), "the touch on 兴和县");
    assertThat(ok(0, "area", "touches", "--limit", "10").out()).contains("140222", "地名 大同窑村");

    // 天镇县 files a registration form of 兴和县's lead at 6万元: a major lead, told to 兴和县
    String lead =
        ok(0, "leads", "post", "-c", "无证运输", "-t", "大宗卷烟过境", "-n", "货车夜间过境。", "--json")
            .json()
            .get("id")
            .asText();
    Await.until(WAIT, () -> cli(1, "leads", "get", lead).code() == 0, "the lead on 天镇县's node");
    Path draft =
        file(
            "form.json",
            Json.mapper()
                .writeValueAsString(
                    new FormDraft(
                        FormKind.REGISTRATION,
                        lead,
                        T,
                        "无证运输卷烟",
                        "举报",
                        "天镇县新平堡镇",
                        Instant.parse("2026-10-05T02:30:00Z"),
                        List.of(new Party("李某", Party.PartyRole.SUSPECT, null, null, null, null)),
                        List.of(new FormGoods("中华", "硬", 100, true)),
                        6_000_000L,
                        List.of(),
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
    String form = ok(1, "--json", "forms", "file", draft.toString()).json().get("id").asText();
    assertThat(ok(1, "forms", "file", draft.toString()).out()).contains(lead);
    assertThat(ok(1, "forms", "list", lead).out()).contains(form, T);
    Path page = dir.resolve("form.html");
    assertThat(ok(1, "forms", "print", form, "-o", page.toString()).out()).contains("form.html");
    assertThat(Files.readString(page)).contains("案件登记台帐", "李某", "60000.00");
    Path sheet = dir.resolve("forms.xlsx");
    ok(1, "forms", "sheet", lead, "--out", sheet.toString());
    assertThat(Files.readAllBytes(sheet)).startsWith((byte) 'P', (byte) 'K');
    Await.until(WAIT, () -> ok(0, "major").out().contains(lead), "the major lead on 兴和县");
    assertThat(ok(0, "major", "--limit", "10").out())
        .contains("140222", lead, "案值 60000.00 元（标准 50000.00 元）");
  }

  @Test
  @Order(10)
  void aBureauIssuesItsQuarterlyReportANeighbourAcknowledgesAndTheFileVerifiesOffline()
      throws IOException {
    String quarter = Period.quarterOf(Instant.now()).label();
    JsonNode issued = ok(0, "--json", "report", "issue", quarter, "--notes", "市场总体平稳。").json();
    String sha = issued.get("canonicalSha256").asText();
    assertThat(ok(0, "report", "list", "--period", quarter).out()).contains("150924");
    // the same canonical bytes from the node, not signed
    String preview =
        ok(0, "report", "preview", quarter, "--bureau", "150924", "--notes", "市场总体平稳。")
            .out()
            .strip();
    assertThat(Hashes.sha256Hex(preview.getBytes(StandardCharsets.UTF_8))).isEqualTo(sha);
    Await.until(
        WAIT, () -> cli(1, "report", "show", "150924", quarter).code() == 0, "the report on 天镇县");
    assertThat(ok(1, "report", "show", "150924", quarter).out()).contains("市场动向：市场总体平稳。");
    assertThat(ok(1, "report", "ack", "150924", quarter, "--note", "已阅").out()).contains("已确认");
    assertThat(ok(1, "report", "show", "150924", quarter).out()).contains("确认 140222", "已阅");
    assertThat(ok(1, "report", "list", "--period", quarter).out()).contains("确认 1");
    assertThat(ok(1, "--json", "report", "regional", quarter).json().get("rows")).hasSize(3);
    assertThat(ok(1, "report", "regional", quarter).out()).contains("150924✓", "140221 ");
    Path saved = dir.resolve("report.bin");
    ok(1, "report", "download", "150924", quarter, "-o", saved.toString());
    assertThat(ok(1, "report", "verify", saved.toString()).out()).contains("有效", sha);
    assertThat(
            ok(1, "--json", "report", "verify", saved.toString()).json().get("valid").asBoolean())
        .isTrue();
    Path page = dir.resolve("report.html");
    assertThat(ok(1, "report", "page", "150924", quarter, "-o", page.toString()).out())
        .contains("report.html");
    assertThat(Files.readString(page)).contains("打击涉烟违法犯罪工作通报", "<svg", sha);
    // no shared case reached the major value here: nothing listed
    assertThat(ok(0, "--json", "major", "--cases").json().get("items")).isEmpty();
  }

  @Test
  @Order(11)
  void anInformantIsRecordedSealedRewardedAndOpenedByTheChosenOfficerOnly() throws Exception {
    Path pass = file("passphrase.txt", "开启口令-cli-2026\n");
    assertThat(ok(0, "informants", "key", "--passphrase-file", pass.toString()).out())
        .contains("已生成开启密钥");
    ok(1, "informants", "key", "--passphrase-file", pass.toString());
    Await.until(
        WAIT, () -> ok(0, "informants", "keys").out().contains(T), "天镇县's key on 兴和县's node");
    String lead =
        ok(
                0,
                "leads",
                "post",
                "-c",
                "涉假",
                "-t",
                "城关镇仓库存放假烟",
                "-n",
                "线人反映城关镇某仓库存放假冒卷烟。",
                "--target",
                "140222",
                "--json")
            .json()
            .get("id")
            .asText();
    // an informant with nobody to open it is a usage error, before anything is sent
    // the identity is read from a file (or typed unseen), never given as options (review-3 F14:
    // they would be in the shell history and in every local user's process list)
    Path who = file("informant.json", "{\"name\":\"司马青岚\",\"phone\":\"13987654321\"}");
    Result none =
        cli(
            0,
            "informants",
            "record",
            lead,
            "--source",
            "REPORT",
            "--informant-file",
            who.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--opener");
    assertThatThrownBy(
            () ->
                cli(
                    0,
                    "informants",
                    "record",
                    lead,
                    "--source",
                    "REPORT",
                    "--name",
                    "司马青岚",
                    "--opener",
                    T))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class)
        .hasMessageContaining("--name");
    String recorded =
        ok(
                0,
                "informants",
                "record",
                lead,
                "--source",
                "INFORMANT",
                "--received",
                "2026-12-06",
                "--informant-file",
                who.toString(),
                "--opener",
                T)
            .out();
    assertThat(recorded).contains("已登记", "线人", "2026-12-06", "可开启: " + T);
    assertThat(recorded).doesNotContain("司马青岚");
    assertThat(ok(0, "informants", "list").out()).contains(lead, "未申请");
    assertThat(ok(0, "informants", "reward", lead, "DECLARED", "--note", "已报市局").out())
        .contains("已申报", "已报市局");
    Result refused = cli(0, "informants", "open", lead, "--passphrase-file", pass.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out() + refused.err()).doesNotContain("司马青岚");
    // told in Chinese: the poster did not choose this officer
    assertThat(refused.err()).contains("未被指定开启举报人身份", "发布人未指定本人员开启举报人身份");
    // nor can this officer re-seal it for anyone (review-3 F2: only a chosen officer re-seals)
    Result reseal =
        cli(0, "informants", "reseal", lead, "--for", T, "--passphrase-file", pass.toString());
    assertThat(reseal.code()).isEqualTo(1);
    assertThat(reseal.err()).contains("未被指定开启举报人身份");
    Await.until(WAIT, () -> ok(1, "informants", "list").out().contains(lead), "the report on 天镇县");
    assertThat(ok(1, "informants", "open", lead, "--passphrase-file", pass.toString()).out())
        .contains("举报人: 司马青岚", "电话: 13987654321", "已记入审计链");
  }

  @Test
  @Order(12)
  void aCaseRegisterIsImportedWithProgressAndABadRowIsNamed() throws Exception {
    Path mapping =
        file(
            "登记表列.txt",
            "# 本局登记表\n案件编号=案件编号\n立案日期=立案日期\n当事人=当事人\n车牌=车牌\n"
                + "案值(万元)=案值(万元)\n品牌=品牌\n数量(条)=数量(条)\n@category=无证运输\n");
    String header = "案件编号,立案日期,当事人,车牌,案值(万元),品牌,数量(条)\n";
    Path bad =
        file(
            "登记表-有误.csv",
            header
                + "兴烟立字〔2020〕第1号,2020-04-01,钱一,蒙J·6C001,1.2,中华(硬),30\n"
                + "兴烟立字〔2020〕第2号,四月二日,钱二,蒙J·6C002,0.5,玉溪,10\n");
    Result refused = cli(0, "import", "cases", bad.toString(), "--mapping", mapping.toString());
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.out()).contains("已拒绝", "未导入任何案件", "第 3 行「立案日期」：应为日期");
    assertThat(ok(0, "import", "mapping").out()).contains("立案日期 = 立案日期", "@category = 无证运输");

    Result done = ok(0, "import", "cases", bad.toString(), "--good-rows-only");
    assertThat(done.out()).contains("已读 2 行", "已签名共享 1 件案件", "第 3 行「立案日期」");
    String id =
        ok(0, "--json", "import", "cases", bad.toString(), "--no-wait").json().get("id").asText();
    Await.until(
        WAIT,
        () ->
            ok(0, "--json", "import", "status", id).json().get("state").asText().equals("REFUSED"),
        "the second import refused");
    assertThat(ok(0, "import", "status", id).out()).contains("已拒绝", "第 3 行");
    Await.until(
        WAIT,
        () -> cli(1, "--json", "lookup", "车牌", "蒙J·6C001").out().contains("兴烟立字〔2020〕第1号"),
        "the imported case on 天镇县");
  }

  @Test
  @Order(13)
  void theSharingRuleIsSignedAndAPaymentSettledFromTheCommandLine() throws Exception {
    assertThat(ok(0, "rewards", "rules").out()).contains("现行分成规则: 无");
    String hash =
        ok(
                0,
                "--json",
                "rewards",
                "propose-rule",
                "--version",
                "1",
                "--lead-percent",
                "30",
                "--informant-bp",
                "500",
                "--cap-yuan",
                "10000",
                "--from",
                "2026-01-01",
                "--basis",
                "2026年协作约定附件二")
            .json()
            .at("/proposals/0/contentHash")
            .asText();
    assertThat(hash).isNotBlank();
    for (int n : new int[] {1, 2}) {
      Await.until(
          WAIT, () -> ok(n, "rewards", "rules").out().contains(hash), "the rule on node " + n);
      ok(n, "rewards", "agree-rule", "1", "--content-hash", hash);
    }
    Await.until(
        WAIT,
        () -> ok(1, "rewards", "rules").out().contains("现行分成规则 第 1 版"),
        "the rule in force on 天镇县");
    assertThat(ok(1, "rewards", "rules").out())
        .contains("线索方分成 30%", "罚没款 × 5%", "上限 10000.00 元", "立案日 2026-01-01 起");
    // 兴和县 pays 天镇县 its case bureau's reward (办案方奖励 goes to the bureau that made the case) for
    // 天镇县's case of 5 October; a wrong rule version is refused, naming it
    Await.until(
        WAIT,
        () -> ok(0, "rewards", "credits", "2026Q4").out().contains("天烟立字〔2026〕第9号"),
        "天镇县's case on 兴和县");
    String[] pay = {
      "rewards",
      "settle",
      "--officer",
      X,
      "--payer",
      "150924",
      "--kind",
      "CASE_BUREAU",
      "--case",
      "天烟立字〔2026〕第9号",
      "--case-bureau",
      "140222",
      "--payee",
      "140222",
      "--fen",
      "50000",
      "--paid-on",
      "2026-10-31",
      "--rule"
    };
    Result wrong = cli(0, concat(pay, "2"));
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.out() + wrong.err()).contains("ruleVersion");
    assertThat(ok(0, concat(pay, "1")).out()).contains("settlement-150924-1", "办案方奖励", "500.00 元");
    Await.until(
        WAIT,
        () -> ok(1, "rewards", "settlements").out().contains("settlement-150924-1"),
        "the entry on 天镇县");
    assertThat(ok(1, "rewards", "statement", "2026Q4").out())
        .contains("合计 500.00 元", "140222  支付他局 0.00  举报奖励 0.00  收到 500.00  净额 500.00 元");
    assertThat(ok(0, "rewards", "credits", "2026Q4").out()).contains("天烟立字〔2026〕第9号", "单位考核");
    Path csv = dir.resolve("balances.csv");
    ok(0, "rewards", "csv", "2026Q4", "--table", "balances", "-o", csv.toString());
    assertThat(Files.readString(csv)).contains("150924,500.00,0.00,0.00,-500.00,1");

    Path xlsx = dir.resolve("rewards.xlsx");
    ok(0, "rewards", "xlsx", "2026Q4", "-o", xlsx.toString());
    assertThat(
            new String(
                Files.readAllBytes(xlsx), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  @Order(20)
  void signingOutEndsTheSession() {
    ok(2, "logout");
    Result after = cli(2, "whoami");
    assertThat(after.code()).isEqualTo(1);
  }

  /** Fails naming each command no test above ran against the nodes. */
  @Test
  @Order(30)
  void everyCommandWasRunAgainstTheNodes() {
    Set<String> all = new TreeSet<>();
    leaves(new CommandLine(new Cli(env, Clock.systemUTC(), Terminal.NONE)), all);
    all.removeIf(c -> c.endsWith(" help"));
    assertThat(all).hasSizeGreaterThan(40);
    Set<String> missing = new TreeSet<>(all);
    missing.removeAll(ran);
    assertThat(missing).as("commands never run against real nodes").isEmpty();
  }

  static void leaves(CommandLine cl, Set<String> into) {
    if (cl.getSubcommands().isEmpty()) {
      into.add(cl.getCommandSpec().qualifiedName());
    }
    cl.getSubcommands().values().forEach(sub -> leaves(sub, into));
  }

  // --- data ----------------------------------------------------------------------------------

  static String group(String id, String bureau, String l1, String l2) {
    ObjectNode g = Json.mapper().createObjectNode();
    g.put("id", id).put("bureau", bureau).put("county", "县" + bureau).put("town", "城关镇");
    g.put("name", "城关镇明码实价自律小组").put("marketingUnit", "营销部");
    var members = g.putArray("members");
    members.addObject().put("licence", l1).put("name", "王记烟酒店").put("address", "城关镇");
    members.addObject().put("licence", l2).put("name", "李氏便利店").put("address", "城关镇");
    return g.toString();
  }

  static String agreement(String group, String bureau, long pack, long carton) {
    ObjectNode a = Json.mapper().createObjectNode();
    a.put("groupId", group).put("bureau", bureau).put("validFrom", "2026-01-01");
    a.putArray("prices")
        .addObject()
        .put("brand", "中华")
        .put("spec", "硬")
        .put("packFen", pack)
        .put("cartonFen", carton);
    return a.toString();
  }

  static String visit(String licence, Instant at, long cartonFen) {
    ObjectNode v = Json.mapper().createObjectNode();
    v.put("licence", licence).put("at", at.toString()).put("location", "城关镇");
    v.putArray("items")
        .addObject()
        .put("brand", "中华")
        .put("spec", "硬")
        .put("unit", "CARTON")
        .put("markedFen", cartonFen)
        .put("saleFen", cartonFen);
    return v.toString();
  }
}
