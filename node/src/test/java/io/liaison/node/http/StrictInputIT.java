package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23 on a real node: wrong JSON types are refused (never coerced, signed and shared), every
 * invalid field is named at once, problems come in Chinese on request, the icon is public, and demo
 * case seeding is off unless configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT {
  @TempDir static Path dir;
  static TestCluster cluster;
  static String base;

  static final String GOOD =
      "\"officer\":\"150924-017\",\"category\":\"UNLICENSED_TRADE\",\"title\":\"标题\","
          + "\"narrative\":\"怀疑无证批发卷烟。\"";

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 1).startAll();
    base = cluster.url(0);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static Http.Response post(String path, String body, String language) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (language != null) {
      b.header("Accept-Language", language);
    }
    return Http.send(b);
  }

  static int leads() {
    return Http.get(base + "/api/v1/leads?limit=200").json().get("items").size();
  }

  /** A draft with {@code field} replaced by {@code json}. */
  static String draft(String field, String json) {
    StringBuilder sb = new StringBuilder("{");
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("officer", "\"150924-017\"");
    fields.put("category", "\"UNLICENSED_TRADE\"");
    fields.put("title", "\"标题\"");
    fields.put("narrative", "\"怀疑无证批发卷烟。\"");
    fields.put(field, json);
    fields.forEach(
        (k, v) ->
            sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return sb.append('}').toString();
  }

  @Test
  void wrongTypesAreRefusedNamingTheFieldAndTheExpectedType() {
    int before = leads();
    record Case(String field, String json, String pointer, String expected) {}
    List<Case> cases =
        List.of(
            new Case("title", "42", "/title", "must be a string, not a number (42)"),
            new Case("title", "true", "/title", "must be a string, not a boolean (true)"),
            new Case("title", "1.5e3", "/title", "must be a string, not a number with a fraction"),
            new Case("urgency", "1", "/urgency", "must be one of [ROUTINE"),
            new Case("category", "0", "/category", "must be one of [UNLICENSED_TRANSPORT"),
            new Case(
                "targetBureaus", "[140222]", "/targetBureaus/0", "must be a string, not a number"),
            new Case(
                "targetBureaus", "\"140222\"", "/targetBureaus", "must be an array, not a string"),
            new Case("expiresAt", "1900000000", "/expiresAt", "must be a time"),
            new Case(
                "entities",
                "[{\"type\":\"PLATE\",\"value\":7}]",
                "/entities/0/value",
                "must be a string"),
            new Case("urgency", "\"SOON\"", "/urgency", "must be one of [ROUTINE"));
    for (Case c : cases) {
      Http.Response r = post("/api/v1/leads", draft(c.field(), c.json()), null);
      assertThat(r.status()).as("%s=%s: %s", c.field(), c.json(), r.body()).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
      JsonNode p = r.json();
      assertThat(p.get("field").asText()).as(r.body()).isEqualTo(c.pointer());
      assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(c.pointer());
      assertThat(p.get("errors").get(0).get("detail").asText()).as(r.body()).contains(c.expected());
    }
    // a transition's event given as a number
    Http.Response t =
        post(
            "/api/v1/leads/150924-20260101-ABCDEFGH/transitions",
            "{\"event\":0,\"officer\":\"150924-017\"}",
            null);
    assertThat(t.status()).as(t.body()).isEqualTo(422);
    assertThat(t.json().get("field").asText()).isEqualTo("/event");
    assertThat(leads()).as("nothing stored").isEqualTo(before);
    assertThat(Http.get(base + "/health/ready").status()).isEqualTo(200);
  }

  @Test
  void everyInvalidFieldIsNamedAtOnce() {
    Http.Response r =
        post(
            "/api/v1/leads",
            "{\"officer\":\"150924-017\",\"category\":\"UNLICENSED_TRADE\",\"title\":42,"
                + "\"narrative\":\"  \",\"urgency\":1,\"colour\":\"red\","
                + "\"entities\":[{\"type\":\"PLATE\",\"value\":7},{\"type\":\"PHONE\",\"value\":\"\"}]}",
            null);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).as(r.body()).contains("/title", "/urgency", "/colour", "/entities/0/value");
    // values of the right type but invalid are named together too (no type error left)
    Http.Response v =
        post(
            "/api/v1/leads",
            "{\"officer\":\"150924-017\",\"category\":\"UNLICENSED_TRADE\",\"title\":\"  \","
                + "\"narrative\":\"\",\"location\":\""
                + "长".repeat(201)
                + "\","
                + "\"entities\":[{\"type\":\"PHONE\",\"value\":\"\"}]}",
            null);
    assertThat(v.status()).as(v.body()).isEqualTo(422);
    List<String> invalid = new ArrayList<>();
    v.json().get("errors").forEach(e -> invalid.add(e.get("field").asText()));
    assertThat(invalid).as(v.body()).contains("/title", "/narrative", "/location");
    assertThat(invalid.stream().anyMatch(f -> f.startsWith("/entities/0"))).as(v.body()).isTrue();
  }

  @Test
  void problemsComeInChineseWhenAskedAndInEnglishOtherwise() {
    String body = draft("title", "42");
    Http.Response en = post("/api/v1/leads", body, null);
    assertThat(en.json().get("title").asText()).isEqualTo("Invalid content");
    Http.Response zh = post("/api/v1/leads", body, "zh-CN,zh;q=0.9,en;q=0.5");
    assertThat(zh.status()).isEqualTo(422);
    assertThat(zh.json().get("title").asText()).isEqualTo("内容无效");
    assertThat(zh.json().get("field").asText()).isEqualTo("/title");
    assertThat(zh.json().get("errors").get(0).get("detail").asText()).startsWith("应为字符串");
    Http.Response preferEnglish = post("/api/v1/leads", body, "en-US,zh;q=0.8");
    assertThat(preferEnglish.json().get("title").asText()).isEqualTo("Invalid content");
    Http.Response missing =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/leads/150924-20260101-ABCDEFGH"))
                .header("Accept-Language", "zh")
                .GET());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("title").asText()).isEqualTo("未找到");
  }

  @Test
  void theIconIsPublic() throws Exception {
    HttpResponse<byte[]> r =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("image/x-icon");
    assertThat(r.body()).startsWith(0, 0, 1, 0); // an ICO header
    String index = Http.get(base + "/console/index.html").body();
    assertThat(index).contains("rel=\"icon\"").contains("/favicon.ico");
  }

  @Test
  void demoCaseSeedingIsOffUnlessConfigured() {
    Http.Response r = post("/api/v1/cases/demo", "{\"seed\":7,\"count\":10}", null);
    assertThat(r.status()).as(r.body()).isEqualTo(404);
    assertThat(r.json().get("detail").asText()).contains("demo.caseSeeding");
  }
}
