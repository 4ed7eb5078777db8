package io.liaison.node.area;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes, each with its own signed area: a case shared by 天镇县 that names a 兴和县 village
 * and a 蒙J plate is told to 兴和县 at once, with the evidence, and to nobody else (not to 天镇县 itself,
 * not to 阳高县, whose area it does not name).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AreaTouchIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final Duration WAIT = Duration.ofSeconds(30);

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

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  static Http.Response put(int node, String path, String body) {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(node, path)))
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  @Order(1)
  void aCaseNamingANeighboursVillageAndPlateIsToldToThatNeighbourOnly() throws Exception {
    Http.Response x =
        put(
            XINGHE,
            "/api/v1/area",
            "{\"bureau\":\"150924\",\"places\":[\"兴和县\",\"张皋镇\",\"大同窑村\"],"
                + "\"platePrefixes\":[\"蒙J\"],\"licenceRegions\":[\"150924\"],"
                + "\"idRegions\":[\"150924\",\"152624\"]}");
    assertThat(x.status()).as(x.body()).isEqualTo(200);
    assertThat(x.json().get("version").asLong()).isEqualTo(1);
    assertThat(
            put(
                    TIANZHEN,
                    "/api/v1/area",
                    "{\"bureau\":\"140222\",\"places\":[\"天镇县\",\"新平堡镇\"],"
                        + "\"platePrefixes\":[\"晋B\"],\"licenceRegions\":[\"140222\"]}")
                .status())
        .isEqualTo(200);
    assertThat(
            put(
                    YANGGAO,
                    "/api/v1/area",
                    "{\"bureau\":\"140221\",\"places\":[\"阳高县\",\"龙泉镇\"],"
                        + "\"licenceRegions\":[\"140221\"]}")
                .status())
        .isEqualTo(200);
    // a node keeps its own bureau's area only; bad fields are named together
    assertThat(
            put(YANGGAO, "/api/v1/area", "{\"bureau\":\"150924\",\"places\":[\"兴和县\"]}").status())
        .isEqualTo(422);
    Http.Response bad =
        put(
            XINGHE,
            "/api/v1/area",
            "{\"bureau\":\"150924\",\"places\":[\"兴\"],\"platePrefixes\":[\"J\"]}");
    assertThat(bad.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("/places/0", "/platePrefixes/0");

    String body =
        "{\"caseNumber\":\"天烟立字〔2026〕第88号\",\"category\":\"无证运输\",\"foundOn\":\"2026-10-05\","
            + "\"filedOn\":\"2026-10-05\",\"valueYuan\":\"13500\",\"disposition\":\"PENDING\","
            + "\"narrative\":\"在新平堡镇检查站查获一辆小货车，车牌蒙J·3K582，驾驶人供述卷烟由兴和县张皋镇大同窑村王某提供。\","
            + "\"location\":{\"countyCode\":\"140222\",\"town\":\"新平堡镇\",\"address\":\"天镇县新平堡镇检查站\"},"
            + "\"entities\":[{\"type\":\"BRAND\",\"value\":\"中华\"}],"
            + "\"items\":[{\"brand\":\"中华\",\"spec\":\"硬\",\"quantity\":\"30条\"}]}";
    Http.Response posted = Http.postJson(url(TIANZHEN, "/api/v1/cases"), body);
    assertThat(posted.status()).as(posted.body()).isIn(200, 201);

    Await.until(
        WAIT,
        () -> Http.get(url(XINGHE, "/api/v1/area/touches")).json().get("items").size() == 1,
        "the touch on 兴和县");
    JsonNode touch = Http.get(url(XINGHE, "/api/v1/area/touches")).json().at("/items/0");
    assertThat(touch.get("origin").asText()).isEqualTo("140222");
    assertThat(touch.get("kind").asText()).isEqualTo("CASE");
    assertThat(touch.get("title").asText()).isEqualTo("天烟立字〔2026〕第88号");
    String evidence = touch.get("evidence").toString();
    assertThat(evidence)
        .contains(
            "{\"kind\":\"PLACE\",\"value\":\"大同窑村\",\"found\":\"大同窑村\",\"where\":\"narrative\"}",
            "{\"kind\":\"PLATE\",\"value\":\"蒙J\",\"found\":\"蒙J3K582\",\"where\":\"narrative\"}");
    assertThat(events(XINGHE, "area.touch")).hasSize(1);
    assertThat(events(XINGHE, "area.touch").get(0)).contains("大同窑村", "蒙J3K582");

    // nobody else: the case reached the others (indexed), but no touch there
    Await.until(
        WAIT,
        () ->
            Http.get(url(YANGGAO, "/api/v1/search?q=%E5%A4%A7%E5%90%8C%E7%AA%91%E6%9D%91"))
                    .json()
                    .get("items")
                    .size()
                == 1,
        "the case indexed on 阳高县");
    // a second version of the case with the same evidence tells nobody again
    Http.Response again =
        put(
            TIANZHEN,
            "/api/v1/cases/" + java.net.URLEncoder.encode("天烟立字〔2026〕第88号", "UTF-8"),
            body.replace("\"13500\"", "\"14000\""));
    assertThat(again.status()).as(again.body()).isIn(200, 201);
    Await.until(
        WAIT,
        () ->
            Http.get(url(YANGGAO, "/api/v1/search?q=%E5%A4%A7%E5%90%8C%E7%AA%91%E6%9D%91"))
                .body()
                .contains("1400000"),
        "the second version indexed on 阳高县");
    for (int n : new int[] {TIANZHEN, YANGGAO}) {
      assertThat(events(n, "area.touch")).as("node " + n).isEmpty();
      assertThat(Http.get(url(n, "/api/v1/area/touches")).json().get("items")).isEmpty();
    }
    Await.until(
        WAIT,
        () ->
            Http.get(url(XINGHE, "/api/v1/search?q=%E5%A4%A7%E5%90%8C%E7%AA%91%E6%9D%91"))
                .body()
                .contains("1400000"),
        "the second version indexed on 兴和县");
    assertThat(events(XINGHE, "area.touch")).hasSize(1);
  }

  @Test
  @Order(2)
  void aRecordSharedBeforeTheAreaNamedItIsToldWhenTheAreaIsSet() {
    // 兴和县's lead names a 阳高县 town 阳高县's area does not list yet
    Http.Response lead =
        Http.postJson(
            url(XINGHE, "/api/v1/leads"),
            "{\"officer\":\""
                + TestCluster.OFFICERS.get(XINGHE)
                + "\",\"category\":\"COUNTERFEIT\",\"title\":\"罗文皂方向假烟\","
                + "\"narrative\":\"举报人称有人从兴和县往罗文皂镇运送假冒卷烟。\"}");
    assertThat(lead.status()).as(lead.body()).isEqualTo(201);
    String id = lead.json().get("id").asText();
    Await.until(
        WAIT,
        () ->
            Http.get(url(YANGGAO, "/api/v1/search?q=%E7%BD%97%E6%96%87%E7%9A%82%E9%95%87"))
                .body()
                .contains(id),
        "the lead indexed on 阳高县");
    assertThat(touchesOf(YANGGAO, id)).isEmpty();
    // the old code looked only at records indexed after the area was set: nothing, ever
    Http.Response area =
        put(
            YANGGAO,
            "/api/v1/area",
            "{\"bureau\":\"140221\",\"places\":[\"阳高县\",\"龙泉镇\",\"罗文皂镇\"],"
                + "\"licenceRegions\":[\"140221\"]}");
    assertThat(area.status()).as(area.body()).isEqualTo(200);
    Await.until(WAIT, () -> touchesOf(YANGGAO, id).size() == 1, "the look-back touch on 阳高县");
    JsonNode touch = touchesOf(YANGGAO, id).get(0);
    assertThat(touch.get("origin").asText()).isEqualTo("150924");
    assertThat(touch.get("evidence").toString()).contains("\"value\":\"罗文皂镇\"");
    assertThat(events(YANGGAO, "area.touch").stream().filter(e -> e.contains(id)).count())
        .isEqualTo(1);
    // saved again with the same places: told once only
    assertThat(
            put(
                    YANGGAO,
                    "/api/v1/area",
                    "{\"bureau\":\"140221\",\"places\":[\"阳高县\",\"龙泉镇\",\"罗文皂镇\"],"
                        + "\"licenceRegions\":[\"140221\"]}")
                .status())
        .isEqualTo(200);
    String marker =
        Http.postJson(
                url(XINGHE, "/api/v1/leads"),
                "{\"officer\":\""
                    + TestCluster.OFFICERS.get(XINGHE)
                    + "\",\"category\":\"COUNTERFEIT\",\"title\":\"标记\","
                    + "\"narrative\":\"罗文皂镇又有人运烟。\"}")
            .json()
            .get("id")
            .asText();
    Await.until(WAIT, () -> touchesOf(YANGGAO, marker).size() == 1, "a later touch on 阳高县");
    assertThat(touchesOf(YANGGAO, id)).hasSize(1);
    assertThat(events(YANGGAO, "area.touch").stream().filter(e -> e.contains(id)).count())
        .isEqualTo(1);
  }

  static List<JsonNode> touchesOf(int node, String recordId) {
    List<JsonNode> out = new ArrayList<>();
    Http.get(url(node, "/api/v1/area/touches?limit=200"))
        .json()
        .get("items")
        .forEach(
            t -> {
              if (t.get("recordId").asText().equals(recordId)) {
                out.add(t);
              }
            });
    return out;
  }

  static List<String> events(int node, String type) {
    Path db = cluster.config(node).dataDir().resolve("liaison.db");
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        PreparedStatement ps =
            c.prepareStatement("SELECT data FROM events WHERE type=? ORDER BY seq")) {
      ps.setString(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
