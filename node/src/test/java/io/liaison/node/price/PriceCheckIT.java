package io.liaison.node.price;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes: 天镇县 (140222) plans an unannounced check of 兴和县 (150924) retailers. Until it is
 * recorded, 兴和县's node holds only ciphertext of the plan: not in its API, store, index or events
 * (nor 阳高县's). Once 天镇县 records the findings, 兴和县 sees the check, the judged findings, its
 * compliance figures and a notice of each non-compliant finding; a border gap is told to both
 * sides.
 */
class PriceCheckIT {
  static final int XINGHE = 0;
  static final int TIANZHEN = 1;
  static final int YANGGAO = 2;
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String SECRET_NOTE = "突击检查城关镇王记烟酒店夜间售价";

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

  @Test
  void aCheckStaysSealedFromTheCheckedBureauUntilItIsRecorded() throws Exception {
    LocalDate today = LocalDate.now(PriceBook.ZONE);
    // 兴和县's signed settings name 天镇县 as a neighbour (one side naming it makes the pair)
    put(
        XINGHE,
        "/api/v1/price/settings",
        "{\"bureau\":\"150924\",\"toleranceFen\":0,\"gapThresholdFen\":1000,"
            + "\"neighbours\":[\"140222\"]}");
    // 兴和县 keeps a group and its agreement; 天镇县 keeps its own (20 元 a carton dearer)
    put(
        XINGHE,
        "/api/v1/price/groups/150924-CG01",
        group("150924-CG01", "150924", "兴和县", "150924100001", "王记烟酒店", "150924100002", "李氏便利店"));
    post(XINGHE, "/api/v1/price/agreements", agreement("150924-CG01", "150924", 4500, 45000));
    put(
        TIANZHEN,
        "/api/v1/price/groups/140222-TZ01",
        group("140222-TZ01", "140222", "天镇县", "140222100001", "张家小卖部", "140222100002", "赵记商店"));
    post(TIANZHEN, "/api/v1/price/agreements", agreement("140222-TZ01", "140222", 4700, 47000));
    // every bureau sees every agreement (相互借鉴)
    for (int n = 0; n < 3; n++) {
      int node = n;
      Await.until(
          WAIT,
          () -> Http.get(url(node, "/api/v1/price/agreements")).json().get("items").size() == 2,
          "agreements on node " + n);
    }
    // the gap (470 − 450 = 20 元 > 10 元) is told to both sides
    for (int n : new int[] {XINGHE, TIANZHEN}) {
      JsonNode gap = awaitEvent(n, "price.gap", e -> e.data().contains("中华"));
      assertThat(gap.get("agreedGap").decimalValue()).isEqualByComparingTo("20.00");
      assertThat(gap.get("flagged").asBoolean()).isTrue();
    }
    assertThat(events(YANGGAO)).noneMatch(e -> e.type().equals("price.gap"));
    JsonNode gaps = Http.get(url(YANGGAO, "/api/v1/price/gaps?pair=150924-140222")).json();
    assertThat(gaps.at("/items/0/flagged").asBoolean()).isTrue();

    // 天镇县 plans the check
    String plan =
        "{\"checkingBureau\":\"140222\",\"checkedBureau\":\"150924\",\"targetGroups\":[\"150924-CG01\"],"
            + "\"from\":\""
            + today.minusDays(1)
            + "\",\"to\":\""
            + today.plusDays(1)
            + "\","
            + "\"officers\":[\"140222-009\",\"140222-011\"],\"note\":\""
            + SECRET_NOTE
            + "\"}";
    Http.Response planned = Http.postJson(url(TIANZHEN, "/api/v1/price/checks"), plan);
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    String id = planned.json().get("id").asText();
    assertThat(planned.json().get("state").asText()).isEqualTo("PLANNED");
    assertThat(planned.json().at("/plan/note").asText()).isEqualTo(SECRET_NOTE);
    // fewer than two officers is refused, naming the field
    Http.Response alone =
        Http.postJson(url(TIANZHEN, "/api/v1/price/checks"), plan.replace("\"140222-009\",", ""));
    assertThat(alone.status()).isEqualTo(422);
    assertThat(alone.json().get("field").asText()).isEqualTo("/officers");

    // 兴和县's node has the record (ciphertext) but cannot read it anywhere
    String key = "price:check:" + id;
    Await.until(
        WAIT, () -> storedBody(XINGHE, key) != null, "the sealed plan stored on 兴和县's node");
    for (int n : new int[] {XINGHE, YANGGAO}) {
      String body = storedBody(n, key);
      assertThat(body)
          .doesNotContain("150924100001", "150924-CG01", "140222-011", SECRET_NOTE, "\"150924\"");
      assertThat(Http.get(url(n, "/api/v1/price/checks/" + id)).status()).isEqualTo(404);
      assertThat(Http.get(url(n, "/api/v1/price/checks")).json().get("items")).isEmpty();
      assertThat(
              Http.get(url(n, "/api/v1/search?q=" + enc(SECRET_NOTE))).json().get("total").asLong())
          .isZero();
      assertThat(events(n))
          .noneMatch(e -> e.data().contains(id) || e.type().startsWith("price.check"));
    }
    // the planner reads its own plan
    assertThat(
            Http.get(url(TIANZHEN, "/api/v1/price/checks/" + id))
                .json()
                .at("/plan/officers/1")
                .asText())
        .isEqualTo("140222-011");
    // a retailer outside the plan is refused
    Http.Response outside =
        Http.postJson(
            url(TIANZHEN, "/api/v1/price/checks/" + id + "/findings"),
            findings("150924100099", 45000, 45000));
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.json().get("field").asText()).isEqualTo("/visits/0/licence");

    // 天镇县 records: 王记 sells 中华(硬) at 480 a carton (30 元 over), 李氏 keeps the price
    Http.Response recorded =
        Http.postJson(
            url(TIANZHEN, "/api/v1/price/checks/" + id + "/findings"),
            "{\"officer\":\"140222-009\",\"visits\":["
                + visit("150924100001", 48000, 48000)
                + ","
                + visit("150924100002", 45000, 45000)
                + "]}");
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().get("state").asText()).isEqualTo("RECORDED");

    // now 兴和县 sees the check, the findings judged, its figures and a notice
    Await.until(
        WAIT,
        () -> Http.get(url(XINGHE, "/api/v1/price/checks/" + id)).status() == 200,
        "the recorded check on 兴和县's node");
    JsonNode seen = Http.get(url(XINGHE, "/api/v1/price/checks/" + id)).json();
    assertThat(seen.get("state").asText()).isEqualTo("RECORDED");
    assertThat(seen.at("/plan/note").asText()).isEqualTo(SECRET_NOTE);
    assertThat(seen.get("visits")).hasSize(2);
    JsonNode bad = seen.at("/evaluations/0");
    assertThat(bad.get("licence").asText()).isEqualTo("150924100001");
    assertThat(bad.get("deviationYuan").decimalValue()).isEqualByComparingTo("30.00");
    assertThat(bad.get("deviationPercent").decimalValue()).isEqualByComparingTo("6.67");
    assertThat(bad.get("compliant").asBoolean()).isFalse();
    assertThat(seen.at("/evaluations/1/compliant").asBoolean()).isTrue();
    assertThat(seen.at("/proof/signer").asText()).isEqualTo("140222");

    JsonNode notice = awaitEvent(XINGHE, "price.finding", e -> e.data().contains(id));
    assertThat(notice.at("/finding/licence").asText()).isEqualTo("150924100001");
    assertThat(notice.get("checkingBureau").asText()).isEqualTo("140222");
    assertThat(events(XINGHE).stream().filter(e -> e.type().equals("price.finding")).count())
        .isEqualTo(1);
    assertThat(events(TIANZHEN)).noneMatch(e -> e.type().equals("price.finding"));
    awaitEvent(XINGHE, "price.check.recorded", e -> e.data().contains(id));

    JsonNode figures = Http.get(url(XINGHE, "/api/v1/price/compliance?by=COUNTY")).json();
    assertThat(figures.at("/rows/0/key").asText()).isEqualTo("150924");
    assertThat(figures.at("/rows/0/judged").asLong()).isEqualTo(2);
    assertThat(figures.at("/rows/0/compliant").asLong()).isEqualTo(1);
    assertThat(figures.at("/rows/0/rate").decimalValue()).isEqualByComparingTo("50.00");
    JsonNode byGroup =
        Http.get(url(XINGHE, "/api/v1/price/compliance?by=GROUP&bureau=150924")).json();
    assertThat(byGroup.at("/rows/0/key").asText()).isEqualTo("150924-CG01");
    // the same figures on the checking side
    assertThat(
            Http.get(url(TIANZHEN, "/api/v1/price/compliance?by=COUNTY"))
                .json()
                .at("/rows/0/judged")
                .asLong())
        .isEqualTo(2);

    // a sheet with a bad row stores nothing and names the row and column
    String sheet =
        "许可证号,检查时间,地点,品牌规格,单位,标价,实际售价\n"
            + "150924100002,"
            + today
            + " 10:00,城关镇,中华(硬),条,450,450\n"
            + "150924100002,"
            + today
            + " 10:00,城关镇,中华(硬),箱,450,450\n";
    Http.Response refused =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        url(TIANZHEN, "/api/v1/price/checks/" + id + "/import?officer=140222-009")))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(sheet)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("/rows/3/单位");
    assertThat(Http.get(url(TIANZHEN, "/api/v1/price/checks/" + id)).json().get("visits"))
        .hasSize(2);
    Http.Response imported =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        url(TIANZHEN, "/api/v1/price/checks/" + id + "/import?officer=140222-009")))
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        sheet.substring(0, sheet.lastIndexOf("150924100002,")))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("visits").asInt()).isEqualTo(1);
    Await.until(
        WAIT,
        () -> Http.get(url(XINGHE, "/api/v1/price/checks/" + id)).json().get("visits").size() == 3,
        "imported visit on 兴和县's node");
  }

  static String group(
      String id, String bureau, String county, String l1, String n1, String l2, String n2) {
    return "{\"id\":\""
        + id
        + "\",\"bureau\":\""
        + bureau
        + "\",\"county\":\""
        + county
        + "\",\"town\":\"城关镇\",\"name\":\"城关镇明码实价自律小组\",\"marketingUnit\":\""
        + county
        + "营销部\","
        + "\"members\":[{\"licence\":\""
        + l1
        + "\",\"name\":\""
        + n1
        + "\",\"address\":\"城关镇\"},"
        + "{\"licence\":\""
        + l2
        + "\",\"name\":\""
        + n2
        + "\",\"address\":\"城关镇\"}]}";
  }

  static String agreement(String group, String bureau, long pack, long carton) {
    return "{\"groupId\":\""
        + group
        + "\",\"bureau\":\""
        + bureau
        + "\",\"validFrom\":\"2026-01-01\","
        + "\"prices\":[{\"brand\":\"中华\",\"spec\":\"硬\",\"packFen\":"
        + pack
        + ",\"cartonFen\":"
        + carton
        + "}]}";
  }

  static String visit(String licence, long marked, long sale) {
    return "{\"licence\":\""
        + licence
        + "\",\"at\":\""
        + Instant.now().minusSeconds(60)
        + "\",\"location\":\"兴和县城关镇\","
        + "\"items\":[{\"brand\":\"中华\",\"spec\":\"硬\",\"unit\":\"CARTON\",\"markedFen\":"
        + marked
        + ",\"saleFen\":"
        + sale
        + "}]}";
  }

  static String findings(String licence, long marked, long sale) {
    return "{\"officer\":\"140222-009\",\"visits\":[" + visit(licence, marked, sale) + "]}";
  }

  static void put(int node, String path, String body) {
    Http.Response r =
        Http.send(
            HttpRequest.newBuilder(URI.create(url(node, path)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  static void post(int node, String path, String body) {
    Http.Response r = Http.postJson(url(node, path), body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /**
   * Every event of the node's feed so far, read from its store (the feed the event stream replays
   * with Last-Event-ID).
   */
  static List<SseClient.Event> events(int node) {
    Path db = cluster.config(node).dataDir().resolve("liaison.db");
    List<SseClient.Event> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        PreparedStatement ps =
            c.prepareStatement("SELECT seq, type, data FROM events ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new SseClient.Event(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  static JsonNode awaitEvent(
      int node, String type, java.util.function.Predicate<SseClient.Event> p) {
    SseClient.Event[] found = new SseClient.Event[1];
    Await.until(
        WAIT,
        () -> {
          for (SseClient.Event e : events(node)) {
            if (e.type().equals(type) && p.test(e)) {
              found[0] = e;
              return true;
            }
          }
          return false;
        },
        type + " on node " + node);
    return new Http.Response(200, "application/json", found[0].data()).json();
  }

  /** The body the node's store holds under {@code key}, read from its SQLite file. */
  static String storedBody(int node, String key) {
    Path db = cluster.config(node).dataDir().resolve("liaison.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        PreparedStatement ps = c.prepareStatement("SELECT body FROM records WHERE id=?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
