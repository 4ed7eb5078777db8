package io.liaison.node.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real bureau nodes share cases into the pool and answer searches from their own index: a
 * case shared on one node is found on the others, updates show, identifiers match in any spelling,
 * facets agree with a count over the same data, bad queries are refused naming {@code q}, sealed
 * leads stay unsearchable where they cannot be read, and a deleted index is rebuilt to the same
 * answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseSearchIT {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final long DEMO_SEED = 7;
  static final int DEMO_COUNT = 600;

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new TestCluster(dir, 3, c -> c.withDemoSeeding()).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  @Order(1)
  void aCaseSharedOnOneNodeIsSearchableOnEveryOther() {
    Http.Response posted =
        Http.postJson(
            url(0, "/api/v1/cases"),
            CaseBodies.body(
                "兴烟立字〔2026〕第9001号",
                "蒙J·3K582",
                "2026-10-03",
                "执法人员在兴和县城关镇307国道检查站拦截车牌号为蒙J·3K582的白色面包车，查获中华(硬)卷烟三十条，当事人无法提供准运证。"));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    JsonNode view = posted.json();
    String id = view.get("id").asText();
    assertThat(id).isEqualTo("case:150924:兴烟立字〔2026〕第9001号");
    assertThat(view.at("/case/items/0/sticks").asLong()).isEqualTo(6_000); // 30条
    assertThat(view.at("/case/version").asLong()).isEqualTo(1);
    assertThat(view.at("/proof/signer").asText()).isEqualTo("150924");
    assertThat(posted.contentType()).startsWith("application/json");

    for (int i = 0; i < 3; i++) {
      int node = i;
      JsonNode hit =
          awaitHit(node, "q=" + enc("准运证 plate:蒙J3K582"), h -> id.equals(h.get("id").asText()));
      assertThat(hit.get("kind").asText()).isEqualTo("CASE");
      assertThat(hit.get("bureau").asText()).isEqualTo("150924");
      assertThat(hit.get("snippets").toString()).contains("<em>准运证</em>");
      JsonNode got = Http.get(cluster.url(node) + hit.get("url").asText()).json();
      assertThat(got.at("/case/caseNumber").asText()).isEqualTo("兴烟立字〔2026〕第9001号");
    }
  }

  @Test
  @Order(2)
  void anUpdatedCaseShowsItsNewVersionEverywhere() {
    String number = "兴烟立字〔2026〕第9001号";
    ObjectNode next =
        CaseBodies.tree(
            number,
            "蒙J·3K582",
            "2026-10-03",
            "执法人员在兴和县城关镇307国道检查站拦截车牌号为蒙J·3K582的白色面包车，查获中华(硬)卷烟三十条，案值较大，已移送公安机关。");
    next.put("disposition", "TRANSFERRED_TO_POLICE").put("closedOn", "2026-10-20");
    Http.Response put = put(url(0, "/api/v1/cases/" + enc(number)), next.toString());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().at("/case/version").asLong()).isEqualTo(2);
    assertThat(put.json().get("versions")).hasSize(2);

    for (int i = 1; i < 3; i++) {
      int node = i;
      JsonNode hit =
          awaitHit(
              node,
              "q=" + enc("移送公安机关") + "&disposition=TRANSFERRED_TO_POLICE",
              h -> h.get("title").asText().equals(number));
      assertThat(hit.get("version").asLong()).isEqualTo(2);
      JsonNode got = Http.get(cluster.url(node) + hit.get("url").asText()).json();
      assertThat(got.at("/case/disposition").asText()).isEqualTo("TRANSFERRED_TO_POLICE");
      assertThat(got.get("versions").findValuesAsText("version")).containsExactly("1", "2");
    }
    // the old version's text is no longer what the index holds
    assertThat(search(2, "q=" + enc("当事人无法提供准运证")).get("total").asLong()).isZero();

    // a client that names a stale version is refused; so is a case of another bureau
    next.put("version", 2);
    assertProblem(put(url(0, "/api/v1/cases/" + enc(number)), next.toString()), 409, null);
    ObjectNode foreign = CaseBodies.tree("天烟立字〔2026〕第1号", "晋B12345", "2026-10-05", "天镇县查获卷烟。");
    foreign.put("bureau", "140222");
    assertProblem(Http.postJson(url(0, "/api/v1/cases"), foreign.toString()), 403, "/bureau");
    assertProblem(
        Http.postJson(
            url(0, "/api/v1/cases"),
            CaseBodies.body("兴烟立字〔2026〕第9001号", "蒙J·3K582", "2026-10-03", "重复共享。")),
        409,
        null);
    ObjectNode badQuantity = CaseBodies.tree("兴烟立字〔2026〕第9002号", null, "2026-10-03", "数量有误。");
    ((ObjectNode) badQuantity.get("items").get(0)).put("quantity", "三十条");
    assertProblem(
        Http.postJson(url(0, "/api/v1/cases"), badQuantity.toString()), 422, "/items/0/quantity");
  }

  @Test
  @Order(3)
  void aPlateIsFoundInEitherSpellingAcrossBureaus() {
    Http.Response other =
        Http.postJson(
            url(1, "/api/v1/cases"),
            CaseBodies.body(
                "天烟立字〔2026〕第77号",
                "蒙j3k582",
                "2026-10-08",
                "天镇县局在新平堡镇查获无证运输卷烟，涉案车辆蒙j3k582，与兴和县案件为同一车辆。"));
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    List<String> both = List.of("case:150924:兴烟立字〔2026〕第9001号", "case:140222:天烟立字〔2026〕第77号");
    for (String spelling : List.of("蒙J·3K582", "蒙j3k582", "蒙J 3K582")) {
      Await.until(
          WAIT,
          () ->
              ids(Http.get(url(2, "/api/v1/search/identifiers?type=PLATE&value=" + enc(spelling)))
                      .json())
                  .containsAll(both),
          "both cases for " + spelling);
      JsonNode found =
          Http.get(url(2, "/api/v1/search/identifiers?type=plate&value=" + enc(spelling))).json();
      assertThat(found.get("value").asText()).isEqualTo("蒙J3K582");
      Await.until(
          WAIT,
          () -> ids(search(0, "q=" + enc("车牌:\"" + spelling + "\""))).containsAll(both),
          "both cases for 车牌:" + spelling + " on node 0");
    }
    assertProblem(
        Http.get(url(2, "/api/v1/search/identifiers?type=PLATE&value=" + enc("不是车牌"))),
        400,
        "value");
    assertProblem(Http.get(url(2, "/api/v1/search/identifiers?type=SHOE&value=1")), 400, "type");
  }

  @Test
  @Order(4)
  void facetsAgreeWithACountOverTheSameData() {
    for (int i = 0; i < 3; i++) {
      Http.Response r =
          Http.postJson(
              url(i, "/api/v1/cases/demo"),
              "{\"seed\":" + DEMO_SEED + ",\"count\":" + DEMO_COUNT + "}");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    DemoCounts truth = DemoCounts.of(DEMO_SEED, DEMO_COUNT, TestCluster.BUREAUS);
    // demo cases lie in 2023-01..2026-06; the cases above are later
    String window = "from=2023-01-01&to=2026-06-30&kind=case";
    for (int node = 0; node < 3; node++) {
      int n = node;
      Await.until(
          WAIT,
          () -> search(n, window + "&limit=1").get("total").asLong() == truth.total(),
          "all " + truth.total() + " demo cases on node " + n);
      JsonNode r = search(n, window + "&limit=1&facetSize=200&facets=bureau,category,month,brand");
      assertThat(counts(r, "bureau")).isEqualTo(truth.byBureau());
      assertThat(counts(r, "category")).isEqualTo(truth.byCategory());
      assertThat(counts(r, "month")).isEqualTo(truth.byMonth());
      assertThat(counts(r, "brand")).isEqualTo(truth.byBrand());
    }
    // a filtered search counts the same as a filter over the data
    JsonNode filtered =
        search(
            1,
            window
                + "&category=UNLICENSED_TRANSPORT&brand="
                + enc("中华")
                + "&minValue=10000&facets=bureau");
    assertThat(filtered.get("total").asLong())
        .isEqualTo(truth.count("UNLICENSED_TRANSPORT", "中华", 1_000_000L));
    assertThat(filtered.get("items").size()).isLessThanOrEqualTo(20);
    // paging by cursor walks the whole result without repeats
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          search(
              1, window + "&sort=newest&limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
      seen.addAll(ids(page));
      cursor = page.path("nextCursor").asText(null);
    } while (cursor != null);
    assertThat(seen).hasSize((int) truth.total()).doesNotHaveDuplicates();
  }

  @Test
  @Order(5)
  void badQueriesAreRefusedNamingTheParameter() {
    assertProblem(Http.get(url(0, "/api/v1/search?q=" + enc("(中华 AND"))), 400, "q");
    assertProblem(Http.get(url(0, "/api/v1/search?q=" + enc("shoe:红色"))), 400, "q");
    assertProblem(Http.get(url(0, "/api/v1/search?q=" + enc("车牌:不是车牌"))), 400, "q");
    String many = String.join(" OR ", Stream.generate(() -> "中华").limit(40).toList());
    assertProblem(Http.get(url(0, "/api/v1/search?q=" + enc(many))), 400, "q");
    assertProblem(Http.get(url(0, "/api/v1/search?q=" + "中".repeat(600))), 400, "q");
    assertProblem(Http.get(url(0, "/api/v1/search?limit=1000")), 400, "limit");
    assertProblem(Http.get(url(0, "/api/v1/search?offset=9990&limit=20")), 400, "offset");
    assertProblem(Http.get(url(0, "/api/v1/search?cursor=%21%21")), 400, "cursor");
    assertProblem(Http.get(url(0, "/api/v1/search?from=2026-13-01")), 400, "from");
    assertProblem(Http.get(url(0, "/api/v1/search?category=SPEEDING")), 400, "category");
    assertProblem(Http.get(url(0, "/api/v1/search?facets=colour")), 400, "facets");
    assertProblem(Http.get(url(0, "/api/v1/search?sort=random")), 400, "sort");
  }

  @Test
  @Order(6)
  void aRestrictedLeadIsSearchableOnlyWhereItCanBeReadAndLeavesWhenWithdrawn() {
    String draft =
        """
        {"officer":"150924-017","category":"SMUGGLING","title":"暗号青松夜运走私烟",
         "narrative":"线人称暗号青松的团伙每周五夜间经丰镇转运走私卷烟，联系人手机13904715566。",
         "entities":[{"type":"PHONE","value":"139 0471 5566"}],
         "targetBureaus":["140222"],"distribution":"RESTRICTED"}
        """;
    Http.Response posted = Http.postJson(url(0, "/api/v1/leads"), draft);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String id = posted.json().get("id").asText();
    String phone = "/api/v1/search/identifiers?type=PHONE&value=" + enc("13904715566");
    for (int node : new int[] {0, 1}) {
      awaitHit(node, "q=" + enc("暗号青松"), h -> id.equals(h.get("id").asText()));
      assertThat(ids(Http.get(url(node, phone)).json())).contains(id);
    }
    // node 2 is not a recipient: it stores the sealed lead, indexes it, and finds nothing in it
    Await.until(
        WAIT,
        () -> Http.get(url(2, "/api/v1/leads/" + id)).json().path("sealed").asBoolean(false),
        "sealed lead stored on node 2");
    awaitIndexed(2);
    assertThat(search(2, "q=" + enc("暗号青松")).get("total").asLong()).isZero();
    assertThat(search(2, "q=" + enc("走私卷烟") + "&kind=lead").get("total").asLong()).isZero();
    assertThat(Http.get(url(2, phone)).json().get("total").asLong()).isZero();
    assertThat(search(2, "q=" + enc("docid:" + id)).get("total").asLong()).isZero();

    // a lead its origin withdraws leaves the index of every node that could read it
    Http.Response withdrawn =
        Http.postJson(
            url(0, "/api/v1/leads/" + id + "/transitions"),
            "{\"event\":\"WITHDRAW\",\"officer\":\"150924-017\"}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    for (int node : new int[] {0, 1}) {
      Await.until(
          WAIT,
          () -> search(node, "q=" + enc("暗号青松")).get("total").asLong() == 0,
          "withdrawn lead gone from the index of node " + node);
    }
  }

  @Test
  @Order(7)
  void aRebuiltIndexAnswersTheSameAsBefore() throws Exception {
    awaitIndexed(2);
    // whole results (limit >= total), compared as sets: ties in the sort order may be broken
    // differently by a rebuilt index (document order), and relevance statistics count deleted
    // versions until segments merge
    Supplier<List<String>> answers =
        () ->
            List.of(
                search(2, "facets=bureau,category,month,brand,kind&facetSize=200&limit=1")
                    .get("facets")
                    .toString(),
                canonical(search(2, "q=" + enc("无证运输 中华") + "&sort=value_desc&limit=100")),
                canonical(
                    search(2, "q=" + enc("准运证") + "&bureau=150924&from=2026-01-01&limit=100")),
                canonical(
                    Http.get(
                            url(2, "/api/v1/search/identifiers?type=PLATE&value=" + enc("蒙J3K582")))
                        .json()));
    List<String> before = answers.get();
    Supplier<java.util.Set<String>> networks =
        () -> {
          java.util.Set<String> out = new java.util.TreeSet<>();
          for (JsonNode n : Http.get(url(2, "/api/v1/networks")).json().get("networks")) {
            out.add(n.at("/network/id").asText() + n.at("/network/members").findValuesAsText("id"));
          }
          return out;
        };
    java.util.Set<String> networksBefore = networks.get();
    assertThat(networksBefore).isNotEmpty();
    cluster.stop(2);
    Path index = cluster.config(2).dataDir().resolve("index");
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(index).doesNotExist();
    cluster.start(2);
    awaitIndexed(2);
    assertThat(answers.get()).isEqualTo(before);
    // the link index was rebuilt with the search index, in one bulk relink: the same networks
    Await.until(
        WAIT, () -> networks.get().equals(networksBefore), "the same networks after rebuild");
  }

  // --- helpers ------------------------------------------------------------------------------

  static String url(int node, String path) {
    return cluster.url(node) + path;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode search(int node, String query) {
    Http.Response r = Http.get(url(node, "/api/v1/search?" + query));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode awaitHit(int node, String query, java.util.function.Predicate<JsonNode> match) {
    JsonNode[] found = new JsonNode[1];
    Await.until(
        WAIT,
        () -> {
          for (JsonNode h : search(node, query).get("items")) {
            if (match.test(h)) {
              found[0] = h;
              return true;
            }
          }
          return false;
        },
        "a hit for " + query + " on node " + node);
    return found[0];
  }

  /** Waits until node's index has applied everything its store holds. */
  static void awaitIndexed(int node) {
    Await.until(
        Duration.ofSeconds(60),
        () -> {
          JsonNode s = Http.get(url(node, "/api/v1/search/status")).json();
          return s.get("state").asText().equals("CURRENT")
              && s.get("indexedSeq").asLong() >= s.get("storeSeq").asLong();
        },
        "index of node " + node + " current");
  }

  /** A page without its order, scores and cursor: total, facets and the set of hits. */
  static String canonical(JsonNode page) {
    ObjectNode p = page.deepCopy();
    p.remove("nextCursor");
    List<String> items = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      ObjectNode i = item.deepCopy();
      i.remove("score");
      items.add(i.toString());
    }
    assertThat((long) items.size()).as("whole result").isEqualTo(page.get("total").asLong());
    p.remove("items");
    return p + items.stream().sorted().toList().toString();
  }

  static List<String> ids(JsonNode page) {
    return page.get("items").findValuesAsText("id");
  }

  static java.util.Map<String, Long> counts(JsonNode page, String facet) {
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    page.at("/facets/" + facet)
        .forEach(c -> m.put(c.get("value").asText(), c.get("count").asLong()));
    return m;
  }

  static Http.Response put(String url, String body) {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  static void assertProblem(Http.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    }
  }

  static ObjectNode tree(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
