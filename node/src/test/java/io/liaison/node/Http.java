package io.liaison.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small synchronous HTTP client for tests. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final java.util.Map<String, String> TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Http() {}

  /**
   * Signs {@code officer} in on the node at {@code baseUrl}; later requests there carry the token.
   */
  public static String signIn(String baseUrl, String officer, String password) {
    TOKENS.remove(baseUrl);
    Response r =
        postJson(
            baseUrl + "/api/v1/auth/login",
            "{\"officer\":\"" + officer + "\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new AssertionError("sign-in failed on " + baseUrl + ": " + r.body());
    }
    String token = r.json().get("accessToken").asText();
    TOKENS.put(baseUrl, token);
    return token;
  }

  /** Forgets the token of a node (requests go unauthenticated). */
  public static void signOut(String baseUrl) {
    TOKENS.remove(baseUrl);
  }

  /** The token used for a node, if signed in. */
  public static String token(String baseUrl) {
    return TOKENS.get(baseUrl);
  }

  /** A response: status, content type and the body parsed as JSON (null if not JSON). */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public static Response get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public static Response postJson(String url, String body) {
    return post(url, "application/json", body);
  }

  public static Response post(String url, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static Response send(HttpRequest.Builder b) {
    HttpRequest probe = b.copy().build();
    if (probe.headers().firstValue("Authorization").isEmpty()) {
      String uri = probe.uri().toString();
      TOKENS.entrySet().stream()
          .filter(e -> uri.startsWith(e.getKey() + "/"))
          .findFirst()
          .ifPresent(e -> b.header("Authorization", "Bearer " + e.getValue()));
    }
    try {
      HttpResponse<String> r =
          CLIENT.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static HttpClient client() {
    return CLIENT;
  }
}
