package io.liaison.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.liaison.api.access.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP side of a {@link LiaisonClient}: requests to one node, and the signed-in session that
 * goes with them. Every authorised call carries {@code Authorization: Bearer}; the access token is
 * refreshed first when it is about to expire, and once more when the node answers 401 {@code
 * invalid-token} (then the request is sent again, once). Refreshes are serialised and re-read the
 * {@link TokenStore} first, so that a refresh token is never spent twice by this client, nor by
 * another one sharing the store that got there first.
 */
final class Transport {
  static final String USER_AGENT = "liaison-client/0.1.0";
  private static final String LOGIN = "/api/v1/auth/login";
  private static final String REFRESH = "/api/v1/auth/refresh";

  private final URI node;
  private final String base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final TokenStore tokens;
  private final Clock clock;
  private final Duration refreshAhead;
  private final String acceptLanguage;
  private final Object refreshLock = new Object();
  // the pair this transport got from its last refresh, and when: a node that issues tokens living
  // less than refreshAhead must not make every call refresh again
  private volatile Tokens refreshed;
  private volatile Instant refreshedAt;

  Transport(
      URI node,
      HttpClient http,
      Duration requestTimeout,
      TokenStore tokens,
      Clock clock,
      Duration refreshAhead,
      String acceptLanguage) {
    this.node = node;
    String s = node.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.tokens = tokens;
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.acceptLanguage = acceptLanguage;
  }

  URI node() {
    return node;
  }

  TokenStore tokens() {
    return tokens;
  }

  // --- requests -----------------------------------------------------------------------------

  /** An ordinary request (with the client's time limit) for a path under the node's URL. */
  HttpRequest.Builder request(String pathAndQuery) {
    return stream(pathAndQuery)
        .timeout(requestTimeout)
        .header("Accept", "application/json, " + Problem.MEDIA_TYPE);
  }

  /** A request without a time limit (an event stream). */
  HttpRequest.Builder stream(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
    }
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("User-Agent", USER_AGENT);
    return acceptLanguage == null ? rb : rb.header("Accept-Language", acceptLanguage);
  }

  static HttpRequest jsonPost(HttpRequest.Builder rb, Object body) {
    return json(rb, "POST", body);
  }

  static HttpRequest jsonPut(HttpRequest.Builder rb, Object body) {
    return json(rb, "PUT", body);
  }

  private static HttpRequest json(HttpRequest.Builder rb, String method, Object body) {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON", e);
    }
    return rb.header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  /** Sends an authorised request and reads a successful answer as {@code type}. */
  <T> T send(HttpRequest request, Class<T> type) {
    HttpResponse<byte[]> r = authorized(request, BodyHandlers.ofByteArray(), b -> b);
    return Answers.read(r.statusCode(), r.body(), type);
  }

  /**
   * Sends {@code request} with the session's bearer token (none when not signed in) and returns a
   * successful (2xx) answer; an error answer is thrown as {@link LiaisonClientException} after the
   * one refresh-and-retry that an expired or refused access token earns.
   *
   * @param drain reads an error answer's body as bytes (and releases it)
   */
  <T> HttpResponse<T> authorized(
      HttpRequest request, BodyHandler<T> handler, Function<T, byte[]> drain) {
    Tokens t = current().orElse(null);
    if (t != null && t.expiresWithin(refreshAhead, clock.instant()) && !justRefreshed(t)) {
      t = refreshFrom(t);
    }
    boolean retried = false;
    while (true) {
      HttpResponse<T> r = exchange(t == null ? request : withBearer(request, t), handler);
      if (r.statusCode() / 100 == 2) {
        return r;
      }
      LiaisonClientException failure = failure(r, drain.apply(r.body()));
      if (!retried && t != null && failure.status() == 401 && failure.is("invalid-token")) {
        retried = true;
        t = refreshFrom(t);
        continue;
      }
      throw failure;
    }
  }

  /** Sends a request as it is (no token), answering whatever the node says. */
  <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new NodeUnreachableException(node, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnreachableException(node, e);
    }
  }

  LiaisonClientException failure(HttpResponse<?> r, byte[] body) {
    return Answers.failure(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        body,
        r.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null));
  }

  static byte[] drain(InputStream in) {
    try (in) {
      return in.readNBytes(64 * 1024);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when it is neither. */
  private Duration retryAfter(String value) {
    String v = value.strip();
    if (v.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static HttpRequest withBearer(HttpRequest request, Tokens t) {
    return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
        .header("Authorization", "Bearer " + t.accessToken())
        .build();
  }

  // --- the session --------------------------------------------------------------------------

  Optional<Tokens> current() {
    return tokens.load();
  }

  /** Signs in; the new session replaces any earlier one of this client. */
  Tokens login(Map<String, String> body) {
    HttpResponse<byte[]> r = exchange(jsonPost(request(LOGIN), body), BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw failure(r, r.body());
    }
    Tokens t = Answers.read(r.statusCode(), r.body(), Tokens.class);
    tokens.save(t);
    return t;
  }

  /** Refreshes the session now, whatever the access token's age. */
  Tokens refresh() {
    return refreshFrom(current().orElseThrow(() -> notSignedIn("sign in first")));
  }

  /**
   * Whether {@code t} is the pair this transport got from a refresh less than {@code refreshAhead}
   * ago and still valid: then it is as fresh as the node makes them, and only a 401 refreshes it.
   */
  private boolean justRefreshed(Tokens t) {
    Tokens r = refreshed;
    Instant at = refreshedAt;
    Instant now = clock.instant();
    return r != null
        && at != null
        && r.accessToken().equals(t.accessToken())
        && now.isBefore(at.plus(refreshAhead))
        && !t.expiresWithin(Duration.ZERO, now);
  }

  /**
   * A fresh pair in place of {@code stale}: the store's pair if someone else already refreshed it,
   * else a new one from the node. A refusal ends the session (the store is cleared, unless it holds
   * a newer pair by then).
   */
  private Tokens refreshFrom(Tokens stale) {
    synchronized (refreshLock) {
      Tokens latest = current().orElseThrow(() -> notSignedIn("signed out meanwhile"));
      if (!latest.accessToken().equals(stale.accessToken())
          && !latest.expiresWithin(Duration.ZERO, clock.instant())) {
        return latest; // refreshed meanwhile, by another thread or another client of the store
      }
      if (!latest.refreshable(clock.instant())) {
        tokens.clear();
        throw notSignedIn("the sign-in of " + latest.officer().id() + " has ended; sign in again");
      }
      HttpResponse<byte[]> r =
          exchange(
              jsonPost(request(REFRESH), Map.of("refreshToken", latest.refreshToken())),
              BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        LiaisonClientException failure = failure(r, r.body());
        if (failure.status() == 401
            && current().map(x -> x.refreshToken().equals(latest.refreshToken())).orElse(true)) {
          tokens.clear();
        }
        throw failure;
      }
      Tokens fresh = Answers.read(r.statusCode(), r.body(), Tokens.class);
      tokens.save(fresh);
      refreshedAt = clock.instant();
      refreshed = fresh;
      return fresh;
    }
  }

  static LiaisonClientException notSignedIn(String detail) {
    return new LiaisonClientException(
        Problem.of("invalid-token", "Not signed in", 401, detail, null), null);
  }
}
