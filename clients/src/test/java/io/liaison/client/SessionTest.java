package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.access.Role;
import io.liaison.api.access.SignedInOfficer;
import io.liaison.api.access.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, the bearer token on every call, refresh before expiry and after a refusal, and sign-out
 * — against answers recorded from a real node (access tokens living 4 s, 3 failed sign-ins lock an
 * officer out, 12 requests a minute per officer).
 */
class SessionTest {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";

  /** The recorded sign-in's access token expires at 14:00:50.349Z; this is 50 s before. */
  private static final String FRESH = "2026-11-26T14:00:00Z";

  private final RecordedNode node = new RecordedNode();
  private final TestClock clock = TestClock.at(FRESH);
  private final TokenStore store = TokenStore.inMemory();
  private final LiaisonClient client =
      LiaisonClient.builder(node.uri()).tokenStore(store).clock(clock).build();

  private final Tokens signedIn = read("auth-login.json");
  private final Tokens refreshed = read("auth-refresh.json");

  @AfterEach
  void stop() {
    node.close();
  }

  private static Tokens read(String resource) {
    try {
      return Answers.READER.readValue(recorded(resource), Tokens.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bearer(Tokens t) {
    return "Bearer " + t.accessToken();
  }

  /** A node that answers the roster only to the refreshed access token, as the real one does. */
  private void rosterOnlyForTheRefreshedToken() {
    node.on(
        "GET",
        "/api/v1/roster",
        (x, r) -> {
          if (bearer(refreshed).equals(r.header("Authorization"))) {
            RecordedNode.send(x, 200, JSON, recorded("roster.json"));
          } else {
            RecordedNode.send(x, 401, PROBLEM, recorded("problem-401-expired.json"));
          }
        });
  }

  private List<RecordedNode.Request> requestsTo(String path) {
    return node.requests().stream().filter(r -> r.pathAndQuery().startsWith(path)).toList();
  }

  @Test
  void signInKeepsTheTokensAndEveryCallCarriesTheAccessToken() throws Exception {
    node.on("POST", "/api/v1/auth/login", 200, JSON, "auth-login.json");
    node.on("GET", "/api/v1/roster", 200, JSON, "roster.json");

    Tokens t = client.login("150924-001", "liaison-150924".toCharArray());
    client.roster();

    assertThat(t.officer().id()).isEqualTo("150924-001");
    assertThat(t.officer().bureau()).isEqualTo(BureauId.of("150924"));
    assertThat(t.officer().roles()).containsExactly(Role.LIAISON, Role.INVESTIGATOR, Role.CHIEF);
    assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-11-26T14:00:50.349Z"));
    assertThat(store.load()).contains(t);
    JsonNode sent = Json.mapper().readTree(requestsTo("/api/v1/auth/login").get(0).body());
    assertThat(sent.path("officer").asText()).isEqualTo("150924-001");
    assertThat(sent.path("password").asText()).isEqualTo("liaison-150924");
    assertThat(sent.has("totp")).isFalse();
    assertThat(requestsTo("/api/v1/auth/login").get(0).header("Authorization")).isNull();
    assertThat(node.last().header("Authorization")).isEqualTo(bearer(t));
    assertThat(t.toString()).doesNotContain(t.accessToken()).doesNotContain(t.refreshToken());
  }

  @Test
  void aSecondFactorIsSentWhenGiven() throws Exception {
    node.on("POST", "/api/v1/auth/login", 200, JSON, "auth-login.json");

    client.login("150924-018", "demo-password-018".toCharArray(), " 123456 ");

    assertThat(Json.mapper().readTree(node.last().body()).path("totp").asText())
        .isEqualTo("123456");
  }

  @Test
  void wrongCredentialsAreRefusedAndNothingIsKept() {
    node.on("POST", "/api/v1/auth/login", 401, PROBLEM, "problem-401-invalid-credentials.json");

    assertThatThrownBy(() -> client.login("150924-001", "wrong-password".toCharArray()))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.slug()).isEqualTo("invalid-credentials");
              assertThat(e.retryAfter()).isEmpty();
            });
    assertThat(store.load()).isEmpty();
  }

  @Test
  void aLockedOutOfficerIsToldWhenToTryAgain() {
    node.on(
        "POST",
        "/api/v1/auth/login",
        (x, r) -> {
          x.getResponseHeaders().set("Retry-After", "60");
          RecordedNode.send(x, 429, PROBLEM, recorded("problem-429-locked-out.json"));
        });

    assertThatThrownBy(() -> client.login("150924-017", "demo-password-017".toCharArray()))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.is("locked-out")).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
              assertThat(e.problem().detail()).contains("locked out for 60 s");
            });
  }

  @Test
  void anAccessTokenAboutToExpireIsRefreshedBeforeTheCall() throws Exception {
    store.save(signedIn);
    clock.advance(Duration.ofSeconds(35)); // 15 s left, less than the 30 s refresh margin
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    rosterOnlyForTheRefreshedToken();

    assertThat(client.roster().self()).isEqualTo(BureauId.of("140222"));

    assertThat(requestsTo("/api/v1/auth/refresh")).hasSize(1);
    JsonNode sent = Json.mapper().readTree(requestsTo("/api/v1/auth/refresh").get(0).body());
    assertThat(sent.path("refreshToken").asText()).isEqualTo(signedIn.refreshToken());
    assertThat(requestsTo("/api/v1/roster"))
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo(bearer(refreshed)));
    assertThat(store.load()).contains(refreshed);
  }

  @Test
  void aRefusedAccessTokenIsRefreshedAndTheCallSentOnceMore() {
    store.save(signedIn); // fresh by our clock, but the node has ended it (expired, restarted …)
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    rosterOnlyForTheRefreshedToken();

    assertThat(client.roster().members()).hasSize(6);

    assertThat(requestsTo("/api/v1/roster"))
        .extracting(r -> r.header("Authorization"))
        .containsExactly(bearer(signedIn), bearer(refreshed));
    assertThat(requestsTo("/api/v1/auth/refresh")).hasSize(1);
  }

  @Test
  void onlyOneRetryWhenTheNodeKeepsRefusing() {
    store.save(signedIn);
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    node.on("GET", "/api/v1/roster", 401, PROBLEM, "problem-401-expired.json");

    assertThatThrownBy(client::roster)
        .isInstanceOfSatisfying(
            LiaisonClientException.class, e -> assertThat(e.is("invalid-token")).isTrue());
    assertThat(requestsTo("/api/v1/roster")).hasSize(2);
    assertThat(requestsTo("/api/v1/auth/refresh")).hasSize(1);
  }

  @Test
  void aSpentRefreshTokenEndsTheSession() {
    store.save(signedIn);
    node.on("POST", "/api/v1/auth/refresh", 401, PROBLEM, "problem-401-refresh-spent.json");
    node.on("GET", "/api/v1/roster", 401, PROBLEM, "problem-401-expired.json");

    assertThatThrownBy(client::roster)
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.problem().detail()).contains("sign in again");
            });
    assertThat(store.load()).isEmpty();
  }

  @Test
  void aSessionPastItsRefreshLifetimeIsOverWithoutAskingTheNode() {
    store.save(signedIn);
    clock.advance(Duration.ofHours(2)); // refreshExpiresAt was 15:00:46Z

    assertThatThrownBy(client::roster)
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.is("invalid-token")).isTrue();
              assertThat(e.problem().detail()).contains("150924-001").contains("sign in again");
            });
    assertThat(node.requests()).isEmpty();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void callsRacingForARefreshSpendTheRefreshTokenOnce() throws Exception {
    store.save(signedIn);
    clock.advance(Duration.ofSeconds(35));
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    rosterOnlyForTheRefreshedToken();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  client.roster();
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }

    assertThat(failures).isEmpty();
    assertThat(requestsTo("/api/v1/auth/refresh")).hasSize(1);
    assertThat(requestsTo("/api/v1/roster"))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(bearer(refreshed)));
  }

  @Test
  void aPairThatLivesLessThanTheRefreshMarginIsNotRefreshedOnEveryCall() {
    store.save(signedIn);
    clock.advance(Duration.ofSeconds(35));
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    rosterOnlyForTheRefreshedToken();

    client.roster(); // refreshes: 15 s left of the old pair
    clock.advance(Duration.ofSeconds(2)); // the new pair has 14 s left, under the 30 s margin
    client.roster();

    assertThat(requestsTo("/api/v1/auth/refresh")).hasSize(1);
    assertThat(requestsTo("/api/v1/roster")).hasSize(2);
  }

  @Test
  void whoamiReadsTheSignedInOfficer() {
    store.save(signedIn);
    node.on("GET", "/api/v1/auth/me", 200, JSON, "auth-me.json");

    SignedInOfficer me = client.whoami();

    assertThat(me.id()).isEqualTo("150924-001");
    assertThat(me.name()).isEqualTo("联络员24");
    assertThat(me.has(Role.CHIEF)).isTrue();
    assertThat(me.has(Role.ADMIN)).isFalse();
  }

  @Test
  void signingOutEndsTheSessionOnTheNodeAndHere() {
    store.save(signedIn);
    node.on("POST", "/api/v1/auth/logout", (x, r) -> RecordedNode.send(x, 204, JSON, ""));

    client.logout();
    client.logout(); // nothing to end: nothing sent

    assertThat(node.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo(bearer(signedIn)));
    assertThat(store.load()).isEmpty();
  }

  @Test
  void signingOutOfASessionTheNodeAlreadyEndedIsFine() {
    store.save(signedIn);
    node.on("POST", "/api/v1/auth/refresh", 401, PROBLEM, "problem-401-refresh-spent.json");
    node.on("POST", "/api/v1/auth/logout", 401, PROBLEM, "problem-401-expired.json");

    client.logout();

    assertThat(store.load()).isEmpty();
  }

  @Test
  void refusalsForRoleAndImpersonationAndRateAreTyped() {
    store.save(signedIn);
    node.on("GET", "/api/v1/admin/access-log", 403, PROBLEM, "problem-403-forbidden.json");
    node.on("POST", "/api/v1/leads", 403, PROBLEM, "problem-403-impersonation.json");
    node.on(
        "GET",
        "/api/v1/inbox",
        (x, r) -> {
          x.getResponseHeaders().set("Retry-After", "4");
          RecordedNode.send(x, 429, PROBLEM, recorded("problem-429-rate-limited.json"));
        });

    assertThatThrownBy(() -> client.accessLog(AccessLogQuery.fromStart()))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> assertThat(e.problem().detail()).contains("ACCESS_LOG_READ", "ADMIN, AUDITOR"));
    assertThatThrownBy(() -> client.post("/api/v1/leads", java.util.Map.of(), JsonNode.class))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.is("impersonation")).isTrue();
              assertThat(e.problem().field()).isEqualTo("/officer");
            });
    assertThatThrownBy(() -> client.inbox("open", 1, null))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.is("rate-limited")).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
            });
    assertThat(requestsTo("/api/v1/auth/refresh")).isEmpty();
  }

  @Test
  void theEventStreamCarriesTheAccessToken() {
    store.save(signedIn);
    node.on(
        "GET",
        "/api/v1/events",
        (x, r) -> {
          x.getResponseHeaders().set("Content-Type", "text/event-stream");
          x.sendResponseHeaders(200, 0);
          x.getResponseBody().close();
        });

    try (EventStream s = client.openEvents(null)) {
      assertThat(s.next()).isEmpty();
    }

    assertThat(node.last().header("Authorization")).isEqualTo(bearer(signedIn));
  }

  @Test
  void anEventStreamRefusedForAnOldTokenIsOpenedAgainAfterARefresh() {
    store.save(signedIn);
    node.on("POST", "/api/v1/auth/refresh", 200, JSON, "auth-refresh.json");
    node.on(
        "GET",
        "/api/v1/events",
        (x, r) -> {
          if (!bearer(refreshed).equals(r.header("Authorization"))) {
            RecordedNode.send(x, 401, PROBLEM, recorded("problem-401-expired.json"));
            return;
          }
          RecordedNode.send(x, 200, "text/event-stream", recorded("events-after-10.txt"));
        });

    List<String> ids = new ArrayList<>();
    client.followEvents("10", e -> ids.add(e.id()) && ids.size() < 2);

    assertThat(ids).containsExactly("11", "12");
    assertThat(requestsTo("/api/v1/events")).hasSize(2);
  }
}
