package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/openapi.yaml against two real nodes: every route the node registers is described and every
 * described operation has a route; the answers of the calls officers make match the schemas
 * described for them (validated as JSON Schema 2020-12).
 */
class OpenApiIT {
  /** Served by the console's static handler (a route for every method, no single path). */
  static final Set<String> STATIC = Set.of("GET /console/{}");

  @TempDir static Path dir;
  static TestCluster cluster;
  static OpenApi api;

  @BeforeAll
  static void start() throws Exception {
    api = new OpenApi();
    cluster = new TestCluster(dir, 2).startAll();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** '/api/v1/leads/:id' and '/api/v1/leads/{id}' → '/api/v1/leads/{}'. */
  static String shape(String operation) {
    return operation.replaceAll(":[A-Za-z0-9_]+", "{}").replaceAll("\\{[^}]*}", "{}");
  }

  @Test
  void everyRouteIsDescribedAndEveryDescriptionHasARoute() {
    Set<String> routes =
        cluster.node(0).routes().stream()
            .map(OpenApiIT::shape)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> described =
        api.operations().stream()
            .map(OpenApiIT::shape)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(routes).as("routes the node registers").isNotEmpty();

    Set<String> undescribed = new TreeSet<>(routes);
    undescribed.removeAll(described);
    Set<String> unrouted = new TreeSet<>(described);
    unrouted.removeAll(routes);
    unrouted.removeAll(STATIC);
    assertThat(undescribed).as("routes missing from docs/openapi.yaml").isEmpty();
    assertThat(unrouted).as("operations in docs/openapi.yaml that no route serves").isEmpty();
  }

  /** Calls node 0 and checks the answer against its description; returns the answer. */
  static JsonNode call(String method, String path, String described, String body, int status) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(cluster.url(0) + path))
            .header("Authorization", "Bearer " + Http.token(cluster.url(0)));
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    Http.Response r = Http.send(b);
    assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    JsonNode json = r.body().isEmpty() ? null : r.json();
    if (json != null) {
      assertThat(api.validate(method, described, status, json))
          .as(method + " " + path + " answered\n" + r.body())
          .isEmpty();
    }
    return json;
  }

  @Test
  void answersMatchTheirSchemas() {
    String officer = TestCluster.OFFICERS.get(0);
    call("GET", "/api/v1/auth/me", "/api/v1/auth/me", null, 200);
    call("GET", "/api/v1/roster", "/api/v1/roster", null, 200);
    call("GET", "/api/v1/directory", "/api/v1/directory", null, 200);
    call(
        "PUT",
        "/api/v1/directory",
        "/api/v1/directory",
        "{\"entries\":[{\"officer\":\""
            + officer
            + "\",\"name\":\"王伟\",\"role\":\"信息联络员\",\"phone\":\"0474-7212313\"}]}",
        200);
    JsonNode lead =
        call(
            "POST",
            "/api/v1/leads",
            "/api/v1/leads",
            """
            {"officer":"%s","category":"UNLICENSED_TRANSPORT","title":"蒙J·3K582 面包车夜间运烟",
             "narrative":"车牌号为蒙J·3K582的白色面包车每周二夜间经307国道运输卷烟。",
             "entities":[{"type":"PLATE","value":"蒙J·3K582"}],"targetBureaus":["140222"]}
            """
                .formatted(officer),
            201);
    String id = lead.get("id").asText();
    call("GET", "/api/v1/leads/" + id, "/api/v1/leads/{id}", null, 200);
    call("GET", "/api/v1/leads?limit=5", "/api/v1/leads", null, 200);
    for (String view :
        new String[] {
          "open", "claimed", "awaiting-feedback", "overdue", "handed-to-me", "posted-by-me"
        }) {
      call("GET", "/api/v1/inbox?view=" + view, "/api/v1/inbox", null, 200);
    }
    call(
        "POST",
        "/api/v1/leads/" + id + "/transitions",
        "/api/v1/leads/{id}/transitions",
        "{\"event\":\"CLAIM\",\"officer\":\"" + officer + "\"}",
        403);
    call(
        "POST",
        "/api/v1/leads",
        "/api/v1/leads",
        "{\"officer\":\""
            + officer
            + "\",\"category\":\"OTHER\",\"title\":\"\",\"narrative\":\"\"}",
        422);
    call("GET", "/api/v1/leads/no-such-lead", "/api/v1/leads/{id}", null, 404);
    Await.until(
        Duration.ofSeconds(20),
        () ->
            Http.get(cluster.url(0) + "/api/v1/search/identifiers?type=PLATE&value=蒙j3k582")
                .body()
                .contains(id),
        "the lead indexed");
    call("GET", "/api/v1/search?q=%E5%8D%B7%E7%83%9F&facets=bureau", "/api/v1/search", null, 200);
    call(
        "GET",
        "/api/v1/search/identifiers?type=PLATE&value=%E8%92%99j3k582",
        "/api/v1/search/identifiers",
        null,
        200);
    call("GET", "/api/v1/search/status", "/api/v1/search/status", null, 200);
    call("GET", "/api/v1/networks", "/api/v1/networks", null, 200);
    call("GET", "/api/v1/networks/hits", "/api/v1/networks/hits", null, 200);
    call("GET", "/api/v1/networks/proposals", "/api/v1/networks/proposals", null, 200);
    call("GET", "/api/v1/major-cases?limit=5", "/api/v1/major-cases", null, 200);
    call("GET", "/api/v1/admin/officers", "/api/v1/admin/officers", null, 200);
    call("GET", "/api/v1/admin/quarantine", "/api/v1/admin/quarantine", null, 200);
    call("GET", "/api/v1/admin/access-log?limit=5", "/api/v1/admin/access-log", null, 200);
    call("GET", "/api/v1/audit/chains/150924", "/api/v1/audit/chains/{bureau}", null, 200);
    call("POST", "/api/v1/admin/backup", "/api/v1/admin/backup", null, 201);
    call(
        "PUT",
        "/api/v1/informants/keys/me",
        "/api/v1/informants/keys/me",
        "{\"passphrase\":\"开启口令-openapi-1\"}",
        200);
    call("GET", "/api/v1/informants/keys", "/api/v1/informants/keys", null, 200);
    JsonNode line =
        call(
            "POST",
            "/api/v1/informants/reports",
            "/api/v1/informants/reports",
            "{\"officer\":\""
                + officer
                + "\",\"leadId\":\""
                + id
                + "\",\"source\":\"REPORT\",\"informant\":{\"name\":\"欧阳明远\"},"
                + "\"openers\":[\""
                + officer
                + "\"]}",
            201);
    assertThat(line.get("identitySealed").asBoolean()).isTrue();
    call("GET", "/api/v1/informants/reports", "/api/v1/informants/reports", null, 200);
    call(
        "POST",
        "/api/v1/informants/reports/" + id + "/reward",
        "/api/v1/informants/reports/{lead}/reward",
        "{\"officer\":\"" + officer + "\",\"status\":\"DECLARED\"}",
        200);
    call(
        "POST",
        "/api/v1/informants/reports/" + id + "/open",
        "/api/v1/informants/reports/{lead}/open",
        "{\"officer\":\"" + officer + "\",\"passphrase\":\"开启口令-openapi-1\"}",
        200);
    call(
        "GET",
        "/api/v1/informants/reports/150924-20260101-ABCDEFGH",
        "/api/v1/informants/reports/{lead}",
        null,
        404);
    // the reward ledger
    call(
        "POST",
        "/api/v1/rewards/rules",
        "/api/v1/rewards/rules",
        "{\"version\":1,\"leadBureauPercent\":30,\"informantBase\":\"FINE\","
            + "\"informantBasisPoints\":500,\"informantCapFen\":1000000,\"basis\":\"附件二\","
            + "\"effectiveFrom\":\"2026-01-01\"}",
        201);
    call("GET", "/api/v1/rewards/rules", "/api/v1/rewards/rules", null, 200);
    call(
        "POST",
        "/api/v1/rewards/rules/1/agreement",
        "/api/v1/rewards/rules/{version}/agreement",
        "{\"contentHash\":\"" + "0".repeat(64) + "\"}",
        422);
    call("GET", "/api/v1/rewards/settlements", "/api/v1/rewards/settlements", null, 200);
    call("GET", "/api/v1/rewards/credits?period=2026Q2", "/api/v1/rewards/credits", null, 200);
    call("GET", "/api/v1/rewards/statement?period=2026Q2", "/api/v1/rewards/statement", null, 200);
    call("GET", "/api/v1/rewards/statement", "/api/v1/rewards/statement", null, 400);
  }

  @Test
  void anAdministratorDisablesReEnablesAndResetsAnOfficer() {
    String url = cluster.url(0);
    call(
        "POST",
        "/api/v1/admin/officers",
        "/api/v1/admin/officers",
        "{\"id\":\"150924-044\",\"name\":\"赵敏\",\"roles\":[\"LIAISON\"],\"password\":\""
            + TestCluster.PASSWORD
            + "\"}",
        201);
    String zhao =
        Http.postJson(
                url + "/api/v1/auth/login",
                "{\"officer\":\"150924-044\",\"password\":\"" + TestCluster.PASSWORD + "\"}")
            .json()
            .get("accessToken")
            .asText();
    String one = "/api/v1/admin/officers/150924-044";
    String described = "/api/v1/admin/officers/{officer}";
    call("GET", one, described, null, 200);
    // the officer's open event stream: it must end when the officer is disabled
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        Http.client()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                    .header("Authorization", "Bearer " + zhao)
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    AtomicBoolean streamEnded = new AtomicBoolean();
    stream.thenAcceptAsync(
        r -> {
          r.body().forEach(line -> {});
          streamEnded.set(true);
        });
    Await.until(Duration.ofSeconds(10), stream::isDone, "赵敏's event stream open");
    assertThat(stream.join().statusCode()).isEqualTo(200);
    assertThat(streamEnded).isFalse();
    JsonNode off = call("POST", one, described, "{\"action\":\"DISABLE\"}", 200);
    Await.until(
        Duration.ofSeconds(5), streamEnded::get, "the disabled officer's event stream ended");
    assertThat(off.get("disabled").asBoolean()).isTrue();
    // the officer's token stops working at once, and so does the password
    assertThat(
            Http.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/me"))
                        .header("Authorization", "Bearer " + zhao))
                .status())
        .isEqualTo(401);
    assertThat(
            Http.postJson(
                    url + "/api/v1/auth/login",
                    "{\"officer\":\"150924-044\",\"password\":\"" + TestCluster.PASSWORD + "\"}")
                .status())
        .isEqualTo(401);
    call("POST", one, described, "{\"action\":\"ENABLE\"}", 200);
    call(
        "POST",
        one,
        described,
        "{\"action\":\"RESET_PASSWORD\",\"password\":\"new-password-二〇二六\"}",
        200);
    call("POST", one, described, "{\"action\":\"RESET_PASSWORD\",\"password\":\"short\"}", 422);
    call(
        "POST",
        "/api/v1/admin/officers/" + TestCluster.OFFICERS.get(0),
        described,
        "{\"action\":\"DISABLE\"}",
        422);
    call("GET", "/api/v1/admin/officers/150924-999", described, null, 404);
    assertThat(
            Http.postJson(
                    url + "/api/v1/auth/login",
                    "{\"officer\":\"150924-044\",\"password\":\"new-password-二〇二六\"}")
                .status())
        .isEqualTo(200);
  }
}
