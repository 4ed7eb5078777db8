package io.liaison.node.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four forms on a real node: 天镇县 files registration, investigation, handling and feedback forms
 * of its case; every bad field of a form is named at once; the printed page and the XLSX workbook
 * (read back) carry what was filled in.
 */
class CaseFormsIT {
  static final int TIANZHEN = 1;
  static final String CASE_NUMBER = "天烟立字〔2026〕第101号";
  static final String SUBJECT = "case:140222:" + CASE_NUMBER;

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 2).startAll();
    String body =
        "{\"caseNumber\":\""
            + CASE_NUMBER
            + "\",\"category\":\"无证运输\",\"foundOn\":\"2026-10-05\","
            + "\"filedOn\":\"2026-10-05\",\"valueYuan\":\"62000\",\"disposition\":\"PENDING\","
            + "\"narrative\":\"新平堡镇检查站查获无证运输卷烟。\","
            + "\"location\":{\"countyCode\":\"140222\",\"town\":\"新平堡镇\",\"address\":\"天镇县新平堡镇检查站\"},"
            + "\"entities\":[{\"type\":\"BRAND\",\"value\":\"中华\"}],"
            + "\"items\":[{\"brand\":\"中华\",\"spec\":\"硬\",\"quantity\":\"120条\"}]}";
    Http.Response r = Http.postJson(cluster.url(TIANZHEN) + "/api/v1/cases", body);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static String url(String path) {
    return cluster.url(TIANZHEN) + path;
  }

  static ObjectNode handling() {
    ObjectNode f = Json.mapper().createObjectNode();
    f.put("kind", "HANDLING").put("subject", SUBJECT).put("officer", "140222-009");
    f.putArray("officers").add("140222-011").add("140222-012");
    ObjectNode p = f.putArray("parties").addObject();
    p.put("name", "王某").put("role", "DRIVER").put("idNumber", "15092419880315001X");
    f.putArray("goods")
        .addObject()
        .put("brand", "中华")
        .put("spec", "硬")
        .put("cartons", 120)
        .put("genuine", true);
    f.put("valueFen", 6_200_000L);
    f.put("legalBasis", "《烟草专卖法实施条例》第五十六条");
    f.putArray("measures").add("先行登记保存").add("扣押运输工具");
    f.put("outcome", "TRANSFERRED_TO_POLICE").put("transferTo", "天镇县公安局");
    f.put("decidedOn", "2026-10-08");
    return f;
  }

  @Test
  void everyBadFieldOfAFormIsNamedAtOnce() {
    ObjectNode f = handling();
    f.putArray("officers").add("140222-011");
    f.remove("legalBasis");
    f.putArray("measures");
    f.remove("transferTo");
    ((ObjectNode) f.get("parties").get(0)).put("idNumber", "1234");
    ((ObjectNode) f.get("goods").get(0)).put("cartons", 0);
    f.put("valueFen", -1);
    Http.Response r = Http.postJson(url("/api/v1/forms"), f.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .contains(
            "/officers",
            "/legalBasis",
            "/measures",
            "/transferTo",
            "/parties/0/idNumber",
            "/goods/0/cartons",
            "/valueFen");
    // an officer of another bureau, a subject this node does not hold
    ObjectNode foreign = handling();
    foreign.putArray("officers").add("140222-011").add("150924-001");
    assertThat(Http.postJson(url("/api/v1/forms"), foreign.toString()).json().get("field").asText())
        .isEqualTo("/officers/1");
    ObjectNode unknown = handling().put("subject", "case:140222:无此案");
    assertThat(Http.postJson(url("/api/v1/forms"), unknown.toString()).json().get("field").asText())
        .isEqualTo("/subject");
  }

  @Test
  void aLeadsFormAtTheAgreedMajorValueIsToldUpwardAndToTheNeighbourOnce() {
    // no agreed value yet: a form of 6.2万元 raises nothing
    String lead = postLead();
    Http.Response early =
        Http.postJson(url("/api/v1/forms"), registration(lead, 6_200_000L).toString());
    assertThat(early.status()).as(early.body()).isEqualTo(201);
    // both bureaus sign the rules (major cases from 5万元)
    String v1 =
        "{\"version\":1,\"feedbackPeriodDays\":15,\"overdueRemindDays\":0,\"escalateAfterDays\":0,"
            + "\"majorCaseThresholdFen\":5000000,\"basis\":\"协作机制\"}";
    Http.Response p = Http.postJson(cluster.url(0) + "/api/v1/settings", v1);
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    String hash = p.json().at("/proposals/0/contentHash").asText();
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () ->
            Http.postJson(url("/api/v1/settings/1/agreement"), "{\"contentHash\":\"" + hash + "\"}")
                    .status()
                == 200,
        "天镇县 signs");
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () -> cluster.node(TIANZHEN).settings().majorCaseThresholdFen().isPresent(),
        "in force on 天镇县");
    assertThat(Http.get(url("/api/v1/major-leads")).json().get("items")).isEmpty();

    // below the value: nothing; at it: told on this node and on 兴和县's, once
    String small = postLead();
    assertThat(
            Http.postJson(url("/api/v1/forms"), registration(small, 4_999_999L).toString())
                .status())
        .isEqualTo(201);
    String big = postLead();
    assertThat(
            Http.postJson(url("/api/v1/forms"), registration(big, 5_000_000L).toString()).status())
        .isEqualTo(201);
    assertThat(
            Http.postJson(url("/api/v1/forms"), registration(big, 7_000_000L).toString()).status())
        .isEqualTo(201);
    for (int n : new int[] {0, TIANZHEN}) {
      String base = cluster.url(n);
      io.liaison.node.Await.until(
          java.time.Duration.ofSeconds(20),
          () -> Http.get(base + "/api/v1/major-leads").json().get("items").size() == 1,
          "the notice on node " + n);
      JsonNode notice = Http.get(base + "/api/v1/major-leads").json().at("/items/0");
      assertThat(notice.get("leadId").asText()).isEqualTo(big);
      assertThat(notice.get("bureau").asText()).isEqualTo("140222");
      assertThat(notice.get("valueFen").asLong()).isEqualTo(5_000_000L);
      assertThat(notice.get("thresholdFen").asLong()).isEqualTo(5_000_000L);
    }
  }

  /** A lead posted by 兴和县 (node 0), once it has reached 天镇县's node. */
  static String postLead() {
    Http.Response r =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            "{\"officer\":\""
                + TestCluster.OFFICERS.get(0)
                + "\",\"category\":\"OTHER\",\"title\":\"大宗卷烟过境\",\"narrative\":\"货车夜间过境\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asText();
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () -> Http.get(url("/api/v1/leads/" + id)).status() == 200,
        "lead on 天镇县");
    return id;
  }

  static ObjectNode registration(String subject, long valueFen) {
    ObjectNode reg = Json.mapper().createObjectNode();
    reg.put("kind", "REGISTRATION").put("subject", subject).put("officer", "140222-009");
    reg.put("cause", "无证运输卷烟").put("place", "天镇县新平堡镇").put("occurredAt", "2026-10-05T02:30:00Z");
    reg.put("valueFen", valueFen);
    reg.putArray("parties").addObject().put("name", "李某").put("role", "SUSPECT");
    return reg;
  }

  static ObjectNode feedbackForm(String subject, String findings) {
    ObjectNode fb = Json.mapper().createObjectNode();
    fb.put("kind", "FEEDBACK").put("subject", subject).put("officer", "140222-009");
    fb.put("toBureau", "150924")
        .put("outcome", "TRANSFERRED_TO_POLICE")
        .put("transferTo", "天镇县公安局");
    fb.put("findings", findings).put("decidedOn", "2026-10-09");
    return fb;
  }

  static List<JsonNode> formsOn(int node, String subject) {
    List<JsonNode> out = new ArrayList<>();
    Http.get(
            cluster.url(node)
                + "/api/v1/forms?subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8))
        .json()
        .get("items")
        .forEach(out::add);
    return out;
  }

  @Test
  void aLeadsFeedbackFormReachesTheBureauThatPostedIt() throws Exception {
    // before: forms stayed on the node that filed them; 兴和县 never saw 天镇县's 反馈表
    String lead = postLead();
    Http.Response sealedLead =
        Http.postJson(
            cluster.url(0) + "/api/v1/leads",
            "{\"officer\":\""
                + TestCluster.OFFICERS.get(0)
                + "\",\"category\":\"OTHER\",\"title\":\"密封线索\",\"narrative\":\"密封内容\","
                + "\"distribution\":\"RESTRICTED\",\"targetBureaus\":[\"140222\"]}");
    assertThat(sealedLead.status()).as(sealedLead.body()).isEqualTo(201);
    String sealed = sealedLead.json().get("id").asText();
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () -> Http.get(url("/api/v1/leads/" + sealed)).status() == 200,
        "sealed lead on 天镇县");
    // a sealed lead's form, and a registration form, stay on 天镇县
    assertThat(
            Http.postJson(url("/api/v1/forms"), feedbackForm(sealed, "密封线索已查").toString()).status())
        .isEqualTo(201);
    assertThat(
            Http.postJson(url("/api/v1/forms"), registration(lead, 100_000L).toString()).status())
        .isEqualTo(201);
    // review-3 F12: a member that never handled a lead cannot deliver a feedback form for it to
    // its origin — 天镇县 has not claimed this one: 兴和县 quarantines the form and keeps nothing
    String unclaimed = postLead();
    Http.Response stray =
        Http.postJson(url("/api/v1/forms"), feedbackForm(unclaimed, "未受理也反馈").toString());
    assertThat(stray.status()).as(stray.body()).isEqualTo(201);
    String strayKey = "shared-" + stray.json().get("id").asText();
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () -> Http.get(cluster.url(0) + "/api/v1/admin/quarantine").body().contains(strayKey),
        "the stray feedback form quarantined on 兴和县");
    assertThat(formsOn(0, unclaimed)).isEmpty();
    // 天镇县 claims the lead (the claim has reached 兴和县 long before a feedback form is filed)
    Http.Response claim =
        Http.postJson(
            url("/api/v1/leads/" + lead + "/transitions"),
            "{\"event\":\"CLAIM\",\"officer\":\"" + TestCluster.OFFICERS.get(1) + "\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(200);
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () ->
            Http.get(cluster.url(0) + "/api/v1/leads/" + lead)
                .json()
                .at("/status/owner")
                .asText()
                .equals("140222"),
        "the claim on 兴和县");
    Http.Response filed =
        Http.postJson(url("/api/v1/forms"), feedbackForm(lead, "已移送公安机关。").toString());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().get("id").asText();
    io.liaison.node.Await.until(
        java.time.Duration.ofSeconds(20),
        () -> formsOn(0, lead).size() == 1,
        "the feedback form on 兴和县");
    JsonNode seen = formsOn(0, lead).get(0);
    assertThat(seen.get("id").asText()).isEqualTo(id);
    assertThat(seen.get("bureau").asText()).isEqualTo("140222");
    assertThat(seen.get("hash").asText()).isEqualTo(filed.json().get("hash").asText());
    assertThat(seen.at("/form/findings").asText()).isEqualTo("已移送公安机关。");
    Http.Response page = Http.get(cluster.url(0) + "/api/v1/forms/" + id + "/print");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("已移送公安机关。", "140222-009");
    assertThat(formsOn(0, sealed)).isEmpty();
    assertThat(cluster.node(0).hazelcast().getMap(FormSharing.MAP).keySet())
        .containsExactlyInAnyOrder("shared-" + id, strayKey);
    try (io.liaison.node.SseClient events =
        new io.liaison.node.SseClient(cluster.url(0) + "/api/v1/events", 0L)) {
      io.liaison.node.Await.until(
          java.time.Duration.ofSeconds(10),
          () ->
              events.events().stream()
                  .anyMatch(e -> e.type().equals("form.received") && e.data().contains(id)),
          "form.received on 兴和县");
    }
  }

  @Test
  void theFourFormsArePrintedAndExported() throws Exception {
    ObjectNode reg = Json.mapper().createObjectNode();
    reg.put("kind", "REGISTRATION").put("subject", SUBJECT).put("officer", "140222-009");
    reg.put("cause", "无证运输卷烟").put("source", "物流检查").put("place", "天镇县新平堡镇检查站");
    reg.put("occurredAt", "2026-10-05T02:30:00Z").put("valueFen", 6_200_000L);
    reg.putArray("parties").addObject().put("name", "王某").put("role", "DRIVER");
    ObjectNode inv = Json.mapper().createObjectNode();
    inv.put("kind", "INVESTIGATION").put("subject", SUBJECT).put("officer", "140222-009");
    inv.put("place", "天镇县新平堡镇检查站").put("occurredAt", "2026-10-05T02:30:00Z");
    inv.putArray("officers").add("140222-011").add("140222-012");
    inv.putArray("parties").addObject().put("name", "王某").put("role", "DRIVER");
    inv.put("findings", "车内查获中华（硬）120条，无准运证。");
    inv.putArray("measures").add("先行登记保存");
    ObjectNode fb = Json.mapper().createObjectNode();
    fb.put("kind", "FEEDBACK").put("subject", SUBJECT).put("officer", "140222-009");
    fb.put("toBureau", "150924")
        .put("outcome", "TRANSFERRED_TO_POLICE")
        .put("transferTo", "天镇县公安局");
    fb.put("findings", "已移送公安机关。").put("decidedOn", "2026-10-09");
    List<String> ids = new ArrayList<>();
    for (ObjectNode f : List.of(reg, inv, handling(), fb)) {
      Http.Response r = Http.postJson(url("/api/v1/forms"), f.toString());
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("bureau").asText()).isEqualTo("140222");
      ids.add(r.json().get("id").asText());
    }
    JsonNode list =
        Http.get(url("/api/v1/forms?subject=" + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8)))
            .json();
    assertThat(list.get("items").size()).isEqualTo(4);
    assertThat(list.at("/items/2/form/kind").asText()).isEqualTo("HANDLING");

    Http.Response page = Http.get(url("/api/v1/forms/" + ids.get(2) + "/print"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains(
            "140222-009",
            "案件处理表",
            "王某",
            "驾驶人",
            "中华",
            "120",
            "62000.00",
            "移送公安",
            "天镇县公安局",
            "140222-011、140222-012",
            "《烟草专卖法实施条例》第五十六条");

    HttpResponse<byte[]> xlsx =
        Http.client()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            url(
                                "/api/v1/forms/sheet?subject="
                                    + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8))))
                    .header("Authorization", "Bearer " + Http.token(cluster.url(TIANZHEN)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertThat(sheets)
          .extracting(Sheet::getName)
          .containsExactly("1 案件登记台帐", "2 案件调查表", "3 案件处理表", "4 线索反馈表");
      List<String> cells;
      try (var rows = sheets.get(2).openStream()) {
        cells =
            rows.flatMap(r -> r.stream().filter(c -> c != null).map(c -> c.getRawValue()))
                .filter(v -> v != null)
                .collect(Collectors.toList());
      }
      assertThat(cells).contains("案件处理表", "案值（元）", "62000.00", "王某", "驾驶人", "中华", "120", "天镇县公安局");
    }
  }
}
