package io.liaison.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reading the node's answers: bodies leniently (fields this client does not know are ignored,
 * unknown enum values become null, so an older client keeps working against a newer node), and
 * error answers as problem documents.
 */
final class Answers {
  static final ObjectMapper READER =
      Json.mapper()
          .copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

  private Answers() {}

  /** A successful answer's body as {@code type}. */
  static <T> T read(int status, byte[] body, Class<T> type) {
    try {
      return READER.readValue(body, type);
    } catch (IOException | RuntimeException e) {
      throw unreadable(status, type.getSimpleName(), e);
    }
  }

  /** The list {@code field} of an answer (e.g. {@code {"items":[…]}}) as {@code type}. */
  static <T> List<T> list(int status, byte[] body, String field, Class<T> type) {
    JsonNode items = read(status, body, JsonNode.class).path(field);
    try {
      if (!items.isArray()) {
        throw new IllegalArgumentException("no " + field);
      }
      return READER.convertValue(
          items, READER.getTypeFactory().constructCollectionType(List.class, type));
    } catch (IllegalArgumentException e) {
      throw unreadable(status, "a list of " + type.getSimpleName(), e);
    }
  }

  private static LiaisonClientException unreadable(int status, String expected, Exception e) {
    return new LiaisonClientException(
        Problem.of(
            "unreadable-response",
            "Unreadable answer from the node",
            status,
            "expected " + expected + ": " + e.getMessage(),
            null));
  }

  /**
   * The exception for an error answer: the node's problem document, or one made from the status.
   */
  static LiaisonClientException failure(
      int status, String contentType, byte[] body, Duration retryAfter) {
    String ct = contentType.toLowerCase(Locale.ROOT);
    if (ct.startsWith(Problem.MEDIA_TYPE) || ct.startsWith("application/json")) {
      try {
        Problem p = READER.readValue(body, Problem.class);
        if (p.status() != status) {
          p = new Problem(p.type(), p.title(), status, p.detail(), p.field(), p.errors());
        }
        return new LiaisonClientException(p, retryAfter);
      } catch (IOException | RuntimeException e) {
        // not a problem document after all: describe the status instead
      }
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    String detail = text.isEmpty() ? null : text.substring(0, Math.min(200, text.length()));
    return new LiaisonClientException(
        new Problem(URI.create("about:blank"), reason(status), status, detail, null, List.of()),
        retryAfter);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP " + status;
    };
  }
}
