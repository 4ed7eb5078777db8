package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.access.Role;
import io.liaison.crypto.LocalCa;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import io.liaison.node.config.NodeConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control on a real node: sign-in, the policy table over HTTP (every role × every action),
 * impersonation, token expiry/refresh/revocation, lockout, rate limits, TLS-only serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {
  @TempDir static Path dir;
  static TestCluster cluster;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new TestCluster(
                dir.resolve("main"),
                1,
                c ->
                    new NodeConfig(
                        c.bureau(),
                        c.http(),
                        c.cluster(),
                        c.dataDir(),
                        c.trust(),
                        c.limits(),
                        c.leads(),
                        new NodeConfig.Security(
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(5),
                            3,
                            Duration.ofSeconds(2),
                            100_000,
                            10_000)))
            .startAll();
    base = cluster.url(0);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** Status of a request with {@code token} (null: none); does not wait for streaming bodies. */
  static int status(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<InputStream> r =
        Http.client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    r.body().close();
    return r.statusCode();
  }

  static String login(String officer, String password) {
    Http.Response r =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"officer\":\"" + officer + "\",\"password\":\"" + password + "\"}")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("accessToken").asText();
  }

  static Http.Response enrol(String id, Role role) {
    // the test officer's own token lives only 2 s on this node: sign in afresh
    Http.signIn(base, TestCluster.OFFICERS.get(0), TestCluster.PASSWORD);
    return Http.postJson(
        base + "/api/v1/admin/officers",
        "{\"id\":\""
            + id
            + "\",\"name\":\"警官"
            + id
            + "\",\"roles\":[\""
            + role
            + "\"],\"password\":\"pass-"
            + id
            + "\"}");
  }

  @Test
  void everyRoleGetsExactlyWhatThePolicyTableAllows() throws Exception {
    Map<Action, String[]> probes = new LinkedHashMap<>();
    probes.put(Action.LEAD_READ, new String[] {"GET", "/api/v1/leads", null});
    probes.put(Action.LEAD_WRITE, new String[] {"POST", "/api/v1/leads", "LEAD"});
    probes.put(Action.EVENTS_READ, new String[] {"GET", "/api/v1/events", null});
    probes.put(Action.CASE_READ, new String[] {"GET", "/api/v1/cases/none", null});
    probes.put(Action.CASE_WRITE, new String[] {"POST", "/api/v1/cases", "{}"});
    probes.put(Action.DEMO_SEED, new String[] {"POST", "/api/v1/cases/demo", "{}"});
    probes.put(Action.SEARCH, new String[] {"GET", "/api/v1/search?q=%E4%B8%AD%E5%8D%8E", null});
    probes.put(Action.ACTION_READ, new String[] {"GET", "/api/v1/actions", null});
    probes.put(Action.ACTION_WRITE, new String[] {"POST", "/api/v1/actions", "{}"});
    probes.put(Action.PRICE_READ, new String[] {"GET", "/api/v1/price/groups", null});
    probes.put(Action.PRICE_WRITE, new String[] {"POST", "/api/v1/price/agreements", "{}"});
    probes.put(Action.REPORT_READ, new String[] {"GET", "/api/v1/reports", null});
    probes.put(Action.REPORT_WRITE, new String[] {"POST", "/api/v1/reports", "{}"});
    probes.put(Action.SETTINGS_READ, new String[] {"GET", "/api/v1/settings", null});
    probes.put(Action.SETTINGS_AGREE, new String[] {"POST", "/api/v1/settings", "{}"});
    probes.put(Action.AREA_READ, new String[] {"GET", "/api/v1/area/touches", null});
    probes.put(Action.AREA_WRITE, new String[] {"PUT", "/api/v1/area", "{}"});
    probes.put(Action.FORM_READ, new String[] {"GET", "/api/v1/forms?subject=x", null});
    probes.put(Action.FORM_WRITE, new String[] {"POST", "/api/v1/forms", "{}"});
    probes.put(Action.MAJOR_READ, new String[] {"GET", "/api/v1/major-leads", null});
    probes.put(Action.INFORMANT_READ, new String[] {"GET", "/api/v1/informants/reports", null});
    probes.put(Action.INFORMANT_WRITE, new String[] {"POST", "/api/v1/informants/reports", "{}"});
    probes.put(Action.REWARD_READ, new String[] {"GET", "/api/v1/rewards/rules", null});
    probes.put(Action.REWARD_WRITE, new String[] {"POST", "/api/v1/rewards/settlements", "{}"});
    probes.put(Action.ROSTER_READ, new String[] {"GET", "/api/v1/roster", null});
    probes.put(Action.ROSTER_PUBLISH, new String[] {"POST", "/api/v1/admin/roster", "{}"});
    probes.put(Action.DIRECTORY_WRITE, new String[] {"PUT", "/api/v1/directory", "{}"});
    probes.put(Action.QUARANTINE_READ, new String[] {"GET", "/api/v1/admin/quarantine", null});
    probes.put(Action.AUDIT_READ, new String[] {"GET", "/api/v1/audit/chains/150924", null});
    probes.put(Action.ACCESS_LOG_READ, new String[] {"GET", "/api/v1/admin/access-log", null});
    probes.put(Action.BACKUP, new String[] {"POST", "/api/v1/admin/backup", "{}"});
    probes.put(Action.OFFICER_ADMIN, new String[] {"GET", "/api/v1/admin/officers", null});
    probes.put(Action.METRICS_READ, new String[] {"GET", "/metrics", null});
    probes.put(Action.SELF, new String[] {"GET", "/api/v1/auth/me", null});
    // every action has a route to probe but INFORMANT_REWARD: it is the chief's decision inside a
    // write every writer may make (a reward status), checked on the step (InformantIT's reward
    // test)
    assertThat(probes.keySet())
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(EnumSet.of(Action.INFORMANT_REWARD)));
    // more routes of the same actions: the supervisor's major-case alerts, the printable report
    List<Map.Entry<Action, String[]>> all = new ArrayList<>(probes.entrySet());
    all.add(Map.entry(Action.MAJOR_READ, new String[] {"GET", "/api/v1/major-cases", null}));
    all.add(
        Map.entry(
            Action.REPORT_READ, new String[] {"GET", "/api/v1/reports/150924/2026Q2/html", null}));

    int n = 100;
    for (Role role : Role.values()) {
      String id = "150924-" + (n++);
      assertThat(enrol(id, role).status()).isEqualTo(201);
      for (var e : all) {
        String token = login(id, "pass-" + id); // tokens live 2 s on this node
        String[] p = e.getValue();
        String body =
            "LEAD".equals(p[2])
                ? "{\"officer\":\""
                    + id
                    + "\",\"category\":\"OTHER\",\"title\":\"测试\",\"narrative\":\"权限测试\"}"
                : p[2];
        int status = status(p[0], p[1], body, token);
        boolean allowed = AccessPolicy.allows(EnumSet.of(role), e.getKey());
        assertThat(status == 403).as("%s × %s → %d", role, e.getKey(), status).isEqualTo(!allowed);
        assertThat(status).as("%s × %s", role, e.getKey()).isNotEqualTo(401);
      }
    }
  }

  @Test
  void withoutATokenOnlyPublicPathsAnswer() throws Exception {
    assertThat(status("GET", "/api/v1/leads", null, null)).isEqualTo(401);
    assertThat(status("GET", "/api/v1/leads", null, "not-a-token")).isEqualTo(401);
    assertThat(status("GET", "/health/ready", null, null)).isEqualTo(200);
    Http.Response r =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/roster"))
                .header("Authorization", "Bearer x"));
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).endsWith("/invalid-token");
  }

  @Test
  void anOfficerCannotActAsAnotherOfficer() {
    assertThat(enrol("150924-201", Role.LIAISON).status()).isEqualTo(201);
    String token = login("150924-201", "pass-150924-201");
    Http.Response r =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"officer\":\"150924-017\",\"category\":\"OTHER\",\"title\":\"t\",\"narrative\":\"n\"}")));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("type").asText()).endsWith("/impersonation");
    // an officer of another bureau cannot even be enrolled here
    Http.Response foreign = enrol("140222-001", Role.LIAISON);
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.json().get("field").asText()).isEqualTo("/id");
  }

  @Test
  void tokensExpireRefreshRotatesAndLogoutRevokes() throws Exception {
    assertThat(enrol("150924-301", Role.AUDITOR).status()).isEqualTo(201);
    Http.Response login =
        Http.postJson(
            base + "/api/v1/auth/login",
            "{\"officer\":\"150924-301\",\"password\":\"pass-150924-301\"}");
    String access = login.json().get("accessToken").asText();
    String refresh = login.json().get("refreshToken").asText();
    assertThat(status("GET", "/api/v1/auth/me", null, access)).isEqualTo(200);
    Await.until(
        Duration.ofSeconds(10),
        () -> {
          try {
            return status("GET", "/api/v1/auth/me", null, access) == 401;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        },
        "access token expired");
    Http.Response renewed =
        Http.postJson(base + "/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
    assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
    String access2 = renewed.json().get("accessToken").asText();
    assertThat(status("GET", "/api/v1/auth/me", null, access2)).isEqualTo(200);
    assertThat(
            Http.postJson(base + "/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}")
                .status())
        .as("an old refresh token is spent")
        .isEqualTo(401);
    assertThat(status("POST", "/api/v1/auth/logout", "{}", access2)).isEqualTo(204);
    assertThat(status("GET", "/api/v1/auth/me", null, access2)).isEqualTo(401);
  }

  @Test
  void repeatedFailedSignInsLockTheOfficerOutWithRetryAfter() throws Exception {
    assertThat(enrol("150924-401", Role.LIAISON).status()).isEqualTo(201);
    String wrong = "{\"officer\":\"150924-401\",\"password\":\"wrong-password\"}";
    for (int i = 0; i < 3; i++) {
      Http.Response r = Http.postJson(base + "/api/v1/auth/login", wrong);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("type").asText()).endsWith("/invalid-credentials");
    }
    HttpResponse<String> locked =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"officer\":\"150924-401\",\"password\":\"pass-150924-401\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    Await.until(
        Duration.ofSeconds(10),
        () ->
            Http.postJson(
                        base + "/api/v1/auth/login",
                        "{\"officer\":\"150924-401\",\"password\":\"pass-150924-401\"}")
                    .status()
                == 200,
        "lockout over");
    // an unknown officer looks exactly like a wrong password
    Http.Response unknown =
        Http.postJson(
            base + "/api/v1/auth/login",
            "{\"officer\":\"150924-999\",\"password\":\"whatever-pw\"}");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().get("detail").asText()).isEqualTo("wrong officer, password or code");
  }

  @Test
  void theAccessLogRecordsWhoDidWhatFromWhere() {
    Http.signIn(base, TestCluster.OFFICERS.get(0), TestCluster.PASSWORD);
    Http.get(base + "/api/v1/roster");
    Await.until(
        Duration.ofSeconds(5),
        () -> {
          Http.signIn(base, TestCluster.OFFICERS.get(0), TestCluster.PASSWORD);
          return Http.get(base + "/api/v1/admin/access-log?officer=150924-017&limit=1000")
              .json()
              .get("items")
              .findValuesAsText("path")
              .contains("/api/v1/roster");
        },
        "roster read in the access log");
    JsonNode item =
        Http.get(base + "/api/v1/admin/access-log?officer=150924-017&limit=1000")
            .json()
            .get("items")
            .get(0);
    assertThat(item.get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(item.has("action")).isTrue();
  }

  @Test
  void requestsOverTheRateGet429WithRetryAfter(@TempDir Path other) throws Exception {
    try (TestCluster limited =
        new TestCluster(
                other,
                1,
                c ->
                    new NodeConfig(
                        c.bureau(),
                        c.http(),
                        c.cluster(),
                        c.dataDir(),
                        c.trust(),
                        c.limits(),
                        c.leads(),
                        new NodeConfig.Security(
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(10),
                            5,
                            Duration.ofSeconds(60),
                            20,
                            10)))
            .startAll()) {
      String url = limited.url(0) + "/api/v1/roster";
      int limitedAt = -1;
      for (int i = 0; i < 60 && limitedAt < 0; i++) {
        if (Http.get(url).status() == 429) {
          limitedAt = i;
        }
      }
      assertThat(limitedAt).isBetween(15, 45);
      HttpResponse<String> r =
          Http.client()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Authorization", "Bearer " + Http.token(limited.url(0)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
      assertThat(Json.mapper().readTree(r.body()).get("type").asText()).endsWith("/rate-limited");
    }
  }

  @Test
  void aTlsNodeServesHttpsOnlyAndRefusesPlainHttp(@TempDir Path other) throws Exception {
    LocalCa ca = LocalCa.create("测试 CA", Duration.ofDays(1));
    Path caPem = ca.writeCa(other.resolve("tls"));
    Path[] pair =
        ca.issue(
            other.resolve("tls"), "node", List.of("127.0.0.1", "localhost"), Duration.ofDays(1));
    try (TestCluster tls =
        new TestCluster(
            other.resolve("cluster"),
            1,
            c ->
                new NodeConfig(
                    c.bureau(),
                    new NodeConfig.Http("127.0.0.1", 0, pair[0], pair[1], false),
                    c.cluster(),
                    c.dataDir(),
                    c.trust(),
                    c.limits(),
                    c.leads(),
                    c.security()))) {
      var node =
          io.liaison.node.LiaisonNode.start(
                  tls.config(0),
                  Map.of("LIAISON_KEY_PASSPHRASE", "test-passphrase"),
                  java.time.Clock.systemUTC())
              .toCompletionStage()
              .toCompletableFuture()
              .get(120, java.util.concurrent.TimeUnit.SECONDS);
      try {
        int port = node.httpPort();
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
          trust.setCertificateEntry(
              "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> ok =
            https.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health/live"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThatThrownBy(
                () ->
                    Http.client()
                        .send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/health/live"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                            HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(java.io.IOException.class);
      } finally {
        node.stop()
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }
}
