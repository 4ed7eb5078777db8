package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on every endpoint that takes a body or an identifier: malformed JSON, wrong types,
 * huge numbers, huge strings, deep nesting, invalid UTF-8, path traversal, injection strings in
 * search queries. Each gets a 4xx problem+json, the node stays up, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  @TempDir static Path dir;
  static TestCluster cluster;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(dir, 1).startAll();
    base = cluster.url(0);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static final List<String> BODY_ENDPOINTS =
      List.of(
          "/api/v1/leads",
          "/api/v1/leads/150924-20260101-ABCDEFGH/transitions",
          "/api/v1/cases",
          "/api/v1/admin/roster",
          "/api/v1/admin/officers",
          "/api/v1/auth/login",
          "/api/v1/auth/refresh");

  static List<byte[]> hostileBodies() {
    List<byte[]> out = new ArrayList<>();
    for (String s :
        List.of(
            "{not json",
            "[]",
            "\"a string\"",
            "{\"officer\":{\"nested\":true},\"category\":[],\"title\":42}",
            "{\"officer\":\"150924-017\",\"category\":\"OTHER\",\"title\":\"t\",\"narrative\":\"n\","
                + "\"expiresAt\":1e400}",
            "{\"officer\":\"150924-017\",\"category\":\"OTHER\",\"title\":\"t\",\"narrative\":\"n\","
                + "\"expiresAt\":99999999999999999999999999999999}",
            "{\"event\":\"CLAIM\",\"officer\":\"" + "x".repeat(5000) + "\"}",
            "{\"title\":\"" + "长".repeat(400_000) + "\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(200) + "1" + "}".repeat(200),
            "{\"officer\":\"150924-017\",\"officer\":\"150924-018\"}",
            "{\"officer\":\"'; DROP TABLE records; --\",\"password\":\"' OR '1'='1\"}")) {
      out.add(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    out.add(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    out.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
    return out;
  }

  static long leads() {
    return Http.get(base + "/api/v1/leads?limit=200").json().get("items").size();
  }

  @Test
  void everyHostileBodyOnEveryEndpointIsA4xxProblemAndStoresNothing() {
    long before = leads();
    for (String path : BODY_ENDPOINTS) {
      for (byte[] body : hostileBodies()) {
        Http.Response r =
            Http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        String what =
            path
                + " ← "
                + new String(
                    body, 0, Math.min(60, body.length), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.status()).as(what + " → " + r.body()).isBetween(400, 499);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).as(what).isNotBlank();
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at io.");
      }
    }
    assertThat(Http.get(base + "/health/ready").status()).isEqualTo(200);
    assertThat(leads()).isEqualTo(before);
  }

  @Test
  void hostileIdsAndQueriesAre4xxProblems() {
    for (String path :
        List.of(
            "/api/v1/leads/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/leads/%00",
            "/api/v1/leads/150924-20260101-ABCDEFGH%27%20OR%201%3D1",
            "/api/v1/leads?bureau=%27%20OR%201%3D1",
            "/api/v1/leads?limit=99999999999999999999",
            "/api/v1/leads?cursor=%25%25%25",
            "/api/v1/inbox?view=everything",
            "/api/v1/audit/chains/..%2F..",
            "/api/v1/cases/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/search?q=title:(a%20OR",
            "/api/v1/search?q=" + "a%20OR%20".repeat(1500) + "b",
            "/api/v1/search?q=%27%3B%20DROP%20TABLE%20records%3B--&limit=100000",
            "/api/v1/search/identifiers?type=NOPE&value=1",
            "/api/v1/events?lastEventId=abc")) {
      Http.Response r = Http.get(base + path);
      assertThat(r.status()).as(path + " → " + r.body()).isBetween(400, 499);
      assertThat(r.contentType()).as(path).startsWith("application/problem+json");
    }
    assertThat(Http.get(base + "/health/ready").status()).isEqualTo(200);
  }
}
