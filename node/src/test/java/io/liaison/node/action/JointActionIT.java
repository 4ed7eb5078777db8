package io.liaison.node.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real nodes (兴和县, 天镇县, 阳高县, 怀安县): 兴和县 plans an operation from a detected cross-border network
 * with 天镇县 and 怀安县, completes the checklist, proposes; the three chiefs approve; it goes active,
 * every bureau records results, it completes with a summary. 阳高县, which does not take part, sees
 * only the area and window — never the targets (API, grid, store, events, index); its concurrent
 * plan on the same vehicle alerts both 阳高县 and 兴和县 with whom to call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointActionIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final int HUAIAN = 3;

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 4).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  static String officer(int i) {
    return TestCluster.OFFICERS.get(i);
  }

  static String url(int i, String path) {
    return cluster.url(i) + path;
  }

  static String caseBody(String number, String county, String narrative) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("caseNumber", number)
        .put("category", "无证运输")
        .put("foundOn", "2026-09-12")
        .put("filedOn", "2026-09-12")
        .put("valueYuan", "27000")
        .put("disposition", "PENDING")
        .put("narrative", narrative);
    c.putObject("location").put("countyCode", county).put("town", "城关镇").put("address", "物流园");
    ArrayNode e = c.putArray("entities");
    e.addObject().put("type", "PLATE").put("value", "蒙J·5Q318");
    e.addObject().put("type", "PHONE").put("value", "13947161234");
    c.putArray("items").addObject().put("brand", "中华").put("spec", "硬").put("quantity", "60条");
    return c.toString();
  }

  static Http.Response put(String url, String body) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  static Http.Response step(int node, String id, String event, Integer version, String extra) {
    String body =
        "{\"event\":\"%s\",\"officer\":\"%s\"%s%s}"
            .formatted(
                event,
                officer(node),
                version == null ? "" : ",\"version\":" + version,
                extra == null ? "" : "," + extra);
    return Http.postJson(url(node, "/api/v1/actions/" + id + "/steps"), body);
  }

  static JsonNode plan(int node, String id) {
    return Http.get(url(node, "/api/v1/actions/" + id)).json();
  }

  static void awaitState(String id, String state, int... nodes) {
    for (int n : nodes) {
      Await.until(
          WAIT,
          () -> {
            Http.Response r = Http.get(url(n, "/api/v1/actions/" + id));
            return r.status() == 200 && state.equals(r.json().get("state").asText());
          },
          "plan " + id + " " + state + " on node " + n);
    }
  }

  @Test
  void fromANetworkToAnApprovedThreeBureauOperationWithResultsAndDeconfliction() {
    // 兴和县's liaison directory: who 阳高县 will be told to call
    assertThat(
            put(
                    url(XINGHE, "/api/v1/directory"),
                    "{\"entries\":[{\"officer\":\"150924-017\",\"name\":\"王联络\","
                        + "\"role\":\"信息联络员\",\"phone\":\"0474-7212345\"}]}")
                .status())
        .isEqualTo(200);
    assertThat(
            Http.postJson(
                    url(XINGHE, "/api/v1/cases"),
                    caseBody("兴烟立字〔2026〕第8001号", "150924", "在兴和县307国道拦截蒙J·5Q318面包车，查获卷烟六十条。"))
                .status())
        .isEqualTo(201);
    assertThat(
            Http.postJson(
                    url(TIANZHEN, "/api/v1/cases"),
                    caseBody("天烟立字〔2026〕第8002号", "140222", "天镇县物流点查获无证运输卷烟，收货人电话139-4716-1234。"))
                .status())
        .isEqualTo(201);
    String[] networkId = new String[1];
    Await.until(
        WAIT,
        () -> {
          JsonNode n = Http.get(url(XINGHE, "/api/v1/networks")).json().path("networks");
          if (n.isEmpty()) {
            return false;
          }
          networkId[0] = n.get(0).at("/network/id").asText();
          return true;
        },
        "a network on 兴和县's node");

    // one call: a plan from the network, with 怀安县 added
    Http.Response created =
        Http.postJson(
            url(XINGHE, "/api/v1/actions/from-network"),
            "{\"officer\":\"%s\",\"networkId\":\"%s\",\"bureaus\":[\"130728\"]}"
                .formatted(officer(XINGHE), networkId[0]));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode v1 = created.json();
    String id = v1.get("id").asText();
    assertThat(v1.get("state").asText()).isEqualTo("DRAFT");
    assertThat(v1.get("participants").toString()).contains("150924", "140222", "130728");
    assertThat(v1.at("/plan/targets").toString()).contains("PLATE", "5Q318");
    assertThat(v1.at("/plan/linkedCases")).hasSize(2);

    // the checklist says what is missing; proposing before it is complete is refused
    JsonNode checklist = Http.get(url(XINGHE, "/api/v1/actions/" + id + "/checklist")).json();
    assertThat(checklist.get("ready").asBoolean()).isFalse();
    assertThat(checklist.get("missing").findValuesAsText("code"))
        .contains("leader", "tasks", "area", "rallyPoint");
    Http.Response early = step(XINGHE, id, "PROPOSE", null, null);
    assertThat(early.status()).as(early.body()).isEqualTo(422);
    assertThat(early.body()).contains("plan-incomplete");

    ObjectNode content = (ObjectNode) v1.get("plan").deepCopy();
    for (JsonNode c : content.get("commitments")) {
      ((ObjectNode) c).putArray("leaders").add("带队领导");
      ((ObjectNode) c).putArray("tasks").add("设卡查堵，检查过往车辆");
    }
    content.putArray("area").add("兴和县城关镇").add("天镇县玉泉镇");
    content.put("rallyPoint", "兴和县307国道检查站");
    ObjectNode draft = Json.mapper().createObjectNode().put("officer", officer(XINGHE));
    draft.set("plan", content);
    Http.Response revised = put(url(XINGHE, "/api/v1/actions/" + id), draft.toString());
    assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    assertThat(revised.json().get("version").asInt()).isEqualTo(2);
    Http.Response proposed = step(XINGHE, id, "PROPOSE", 2, null);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
    assertThat(proposed.json().get("state").asText()).isEqualTo("PROPOSED");
    assertThat(proposed.json().get("awaiting")).hasSize(3);

    // 阳高县 does not take part: outline only, and it cannot approve
    awaitState(id, "PROPOSED", TIANZHEN, YANGGAO, HUAIAN);
    JsonNode outsider = plan(YANGGAO, id);
    assertThat(outsider.get("sealed").asBoolean()).isTrue();
    assertThat(outsider.path("plan").isMissingNode() || outsider.path("plan").isNull()).isTrue();
    assertThat(outsider.get("area").toString()).contains("兴和县城关镇");
    assertThat(outsider.toString()).doesNotContain("5Q318").doesNotContain("设卡查堵");
    Http.Response refused = step(YANGGAO, id, "APPROVE", 2, null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(Http.get(url(YANGGAO, "/api/v1/actions/" + id + "/checklist")).status())
        .isEqualTo(403);

    // the three chiefs approve version 2, each on their own node
    for (int n : new int[] {TIANZHEN, HUAIAN, XINGHE}) {
      Http.Response a = step(n, id, "APPROVE", 2, null);
      assertThat(a.status()).as(a.body()).isEqualTo(200);
    }
    awaitState(id, "APPROVED", XINGHE, TIANZHEN, YANGGAO, HUAIAN);
    assertThat(step(TIANZHEN, id, "APPROVE", 2, null).status()).isEqualTo(409);

    Http.Response active = step(XINGHE, id, "ACTIVATE", 2, null);
    assertThat(active.status()).as(active.body()).isEqualTo(200);
    assertThat(step(TIANZHEN, id, "BRIEF", null, "\"text\":\"今日在玉泉镇设卡两处\"").status())
        .isEqualTo(200);
    awaitState(id, "ACTIVE", YANGGAO);

    // 阳高县's own plan on the same vehicle (spelt differently): both lead bureaus are alerted
    ObjectNode ygPlan =
        (ObjectNode)
            Http.get(url(YANGGAO, "/api/v1/actions/templates/CHECKPOINT")).json().deepCopy();
    ygPlan.put("title", "阳高县龙泉镇查堵");
    ygPlan.putArray("area").add("阳高县龙泉镇");
    ygPlan.put("rallyPoint", "阳高县龙泉镇收费站");
    ArrayNode commitments = ygPlan.putArray("commitments");
    commitments
        .addObject()
        .put("bureau", "140221")
        .put("teams", 1)
        .put("officers", 2)
        .put("vehicles", 1)
        .set("leaders", Json.mapper().createArrayNode().add("赵队长"));
    ((ObjectNode) commitments.get(0)).putArray("tasks").add("收费站查堵");
    ObjectNode second = commitments.addObject().put("bureau", "130728").put("teams", 1);
    second.put("officers", 2).put("vehicles", 0);
    second.putArray("leaders").add("钱队长");
    second.putArray("tasks").add("配合查堵");
    ygPlan
        .putArray("targets")
        .addObject()
        .put("kind", "VEHICLE")
        .put("label", "可疑面包车")
        .put("idType", "PLATE")
        .put("id", "蒙j-5q318");
    ObjectNode ygDraft = Json.mapper().createObjectNode().put("officer", officer(YANGGAO));
    ygDraft.set("plan", ygPlan);
    Http.Response yg = Http.postJson(url(YANGGAO, "/api/v1/actions"), ygDraft.toString());
    assertThat(yg.status()).as(yg.body()).isEqualTo(201);
    String ygId = yg.json().get("id").asText();
    assertThat(step(YANGGAO, ygId, "PROPOSE", 1, null).status()).isEqualTo(200);

    JsonNode atYanggao = awaitConflict(YANGGAO, "TARGET");
    assertThat(atYanggao.get("planId").asText()).isEqualTo(ygId);
    assertThat(atYanggao.get("other").asText()).isEqualTo(id);
    assertThat(atYanggao.get("otherBureau").asText()).isEqualTo("150924");
    assertThat(atYanggao.at("/contacts/0/phone").asText()).isEqualTo("0474-7212345");
    JsonNode atXinghe = awaitConflict(XINGHE, "TARGET");
    assertThat(atXinghe.get("planId").asText()).isEqualTo(id);
    assertThat(atXinghe.get("otherBureau").asText()).isEqualTo("140221");
    assertThat(atXinghe.get("id").asText()).isEqualTo(atYanggao.get("id").asText());
    // who to call, never what the other holds
    assertThat(atXinghe.toString() + atYanggao).doesNotContain("5Q318").doesNotContain("5q318");

    // results per bureau, completion, summary
    String[] results = {
      "\"result\":{\"officerTimes\":20,\"vehicleTimes\":5,\"premisesChecked\":31,\"casesOpened\":1,"
          + "\"sticksSeized\":12000,\"valueFen\":2700000,\"personsDetained\":1,"
          + "\"personsTransferred\":1,\"casesToMarketRegulation\":0}",
      "\"result\":{\"officerTimes\":12,\"vehicleTimes\":3,\"premisesChecked\":18,\"casesOpened\":2,"
          + "\"sticksSeized\":4000,\"valueFen\":900000,\"personsDetained\":0,"
          + "\"personsTransferred\":0,\"casesToMarketRegulation\":1}",
      "\"result\":{\"officerTimes\":6,\"vehicleTimes\":2,\"premisesChecked\":9,\"casesOpened\":0,"
          + "\"sticksSeized\":0,\"valueFen\":0,\"personsDetained\":0,"
          + "\"personsTransferred\":0,\"casesToMarketRegulation\":0}"
    };
    int[] by = {XINGHE, TIANZHEN, HUAIAN};
    for (int i = 0; i < 3; i++) {
      Http.Response r = step(by[i], id, "REPORT_RESULT", null, results[i]);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    Await.until(
        WAIT,
        () -> plan(XINGHE, id).get("results").size() == 3,
        "three bureaus' results on 兴和县's node");
    assertThat(step(XINGHE, id, "COMPLETE", null, null).status()).isEqualTo(200);
    Http.Response summary =
        step(
            XINGHE,
            id,
            "SUMMARIZE",
            null,
            "\"summary\":{\"text\":\"三地联合查处蒙J·5Q318运烟网络\",\"media\":[\""
                + "ab".repeat(32)
                + "\"],\"lessons\":\"提前共享线索\"}");
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    awaitState(id, "SUMMARIZED", XINGHE, TIANZHEN, YANGGAO, HUAIAN);
    JsonNode done = plan(HUAIAN, id);
    assertThat(done.at("/total/officerTimes").asLong()).isEqualTo(38);
    assertThat(done.at("/total/sticksSeized").asLong()).isEqualTo(16_000);
    assertThat(done.at("/total/casesToMarketRegulation").asLong()).isEqualTo(1);
    assertThat(done.at("/summary/lessons").asText()).isEqualTo("提前共享线索");
    Http.Response page = Http.get(url(TIANZHEN, "/api/v1/actions/" + id + "/print"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("合计", "蒙J·5Q318", "提前共享线索");

    // every step verifies on any node, the outsider's included
    ArrayNode chain =
        (ArrayNode)
            Json.mapper()
                .valueToTree(
                    readTree(
                        cluster
                            .node(YANGGAO)
                            .hazelcast()
                            .<String, String>getMap("liaison.actions")
                            .get(id)));
    assertThat(chain.size()).isEqualTo(done.get("history").size());
    for (JsonNode e : chain) {
      SignedEnvelope env = SignedEnvelope.fromJson(e.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(cluster.node(YANGGAO).trust().verify(env).isValid()).isTrue();
    }
    // need-to-know on the outsider's node: grid value, store, events and index hold no target
    assertThat(chain.toString()).doesNotContain("5Q318").doesNotContain("设卡查堵");
    String stored = storedBody(YANGGAO, id);
    assertThat(stored).isNotEmpty().doesNotContain("5Q318").doesNotContain("设卡查堵");
    try (SseClient feed = new SseClient(url(YANGGAO, "/api/v1/events"), 0L)) {
      Await.until(WAIT, () -> !feed.events().isEmpty(), "events on 阳高县's node");
      assertThat(feed.events())
          .noneMatch(
              e ->
                  e.data().contains(id)
                      && e.type().startsWith("action.")
                      && !e.type().equals("action.conflict"))
          .noneMatch(e -> e.type().startsWith("action.") && e.data().contains("5Q318"));
    }
    JsonNode search = Http.get(url(YANGGAO, "/api/v1/search?q=" + enc("设卡查堵"))).json();
    assertThat(search.get("total").asLong()).isZero();
    // a participant's feed tells of each step
    try (SseClient feed = new SseClient(url(HUAIAN, "/api/v1/events"), 0L)) {
      Await.until(
          WAIT,
          () ->
              feed.events().stream()
                  .map(SseClient.Event::type)
                  .toList()
                  .containsAll(List.of("action.propose", "action.approve", "action.summarize")),
          "plan events on 怀安县's node");
    }
  }

  @Test
  void aJointMeetingIsSignedByTheHostAcknowledgedAndItsItemsStayInTheOwnersInboxUntilDone() {
    String body =
        ("{\"officer\":\"%s\",\"meeting\":{\"title\":\"2026年下半年联席会议\",\"scheduled\":true,"
                + "\"heldAt\":\"2026-12-01T02:00:00Z\",\"place\":\"兴和县局会议室\",\"host\":\"150924\","
                + "\"bureaus\":[\"150924\",\"140222\",\"130728\"],\"agencies\":[\"兴和县公安局\"],"
                + "\"agenda\":[\"通报线索\"],\"minutes\":\"三方通报了本季度跨界线索。\","
                + "\"decisions\":[\"12月联合整治边界市场\"],\"items\":["
                + "{\"task\":\"摸排玉泉镇物流点\",\"owner\":\"140222\",\"due\":\"2026-12-10\"},"
                + "{\"task\":\"准备查堵车辆\",\"owner\":\"130728\",\"due\":\"2026-12-12\"}]}}")
            .formatted(officer(XINGHE));
    Http.Response recorded = Http.postJson(url(XINGHE, "/api/v1/meetings"), body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asText();
    assertThat(recorded.json().get("awaiting").toString()).contains("140222", "130728");

    Await.until(
        WAIT,
        () -> Http.get(url(TIANZHEN, "/api/v1/meetings/items")).json().get("total").asInt() == 1,
        "天镇县's item in its inbox");
    JsonNode item = Http.get(url(TIANZHEN, "/api/v1/meetings/items")).json().at("/items/0");
    assertThat(item.at("/item/task").asText()).isEqualTo("摸排玉泉镇物流点");
    Await.until(
        WAIT,
        () -> Http.get(url(HUAIAN, "/api/v1/meetings/items")).json().get("total").asInt() == 1,
        "怀安县's item in its inbox");
    String who = "{\"officer\":\"%s\"}".formatted(officer(TIANZHEN));
    assertThat(
            Http.postJson(url(TIANZHEN, "/api/v1/meetings/" + id + "/acknowledge"), who).status())
        .isEqualTo(200);
    Http.Response notMine =
        Http.postJson(url(TIANZHEN, "/api/v1/meetings/" + id + "/items/2/done"), who);
    assertThat(notMine.status()).as(notMine.body()).isEqualTo(422);
    Http.Response done =
        Http.postJson(url(TIANZHEN, "/api/v1/meetings/" + id + "/items/1/done"), who);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(Http.get(url(TIANZHEN, "/api/v1/meetings/items")).json().get("total").asInt())
        .isZero();
    Await.until(
        WAIT,
        () -> {
          JsonNode v = Http.get(url(XINGHE, "/api/v1/meetings/" + id)).json();
          return v.at("/items/0/done").asBoolean()
              && v.get("acknowledged").toString().contains("140222");
        },
        "the item done and the acknowledgement on 兴和县's node");
    assertThat(Http.get(url(XINGHE, "/api/v1/meetings/" + id)).json().get("awaiting").toString())
        .isEqualTo("[\"130728\"]");
    // 阳高县 did not take part: no meeting in its list, no item in its inbox
    Await.until(
        WAIT,
        () -> Http.get(url(YANGGAO, "/api/v1/meetings/" + id)).status() == 200,
        "the minutes on 阳高县's node");
    assertThat(Http.get(url(YANGGAO, "/api/v1/meetings")).json().get("total").asInt()).isZero();
  }

  static JsonNode awaitConflict(int node, String kind) {
    JsonNode[] found = new JsonNode[1];
    Await.until(
        WAIT,
        () -> {
          for (JsonNode c :
              Http.get(url(node, "/api/v1/actions/conflicts")).json().get("conflicts")) {
            if (c.get("kind").asText().equals(kind)) {
              found[0] = c;
              return true;
            }
          }
          return false;
        },
        kind + " conflict on node " + node);
    return found[0];
  }

  static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static String storedBody(int node, String id) {
    try (var store =
        io.liaison.node.store.Store.open(cluster.config(node).dataDir().resolve("liaison.db"))) {
      return store.committedRecord(id).map(r -> r.body()).orElse("");
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
