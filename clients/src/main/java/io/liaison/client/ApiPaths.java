package io.liaison.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Paths (with their query) of the node's HTTP API, for the typed calls of {@link LiaisonClient} and
 * for its generic {@link LiaisonClient#get} (e.g. to print the raw JSON of an answer).
 */
public final class ApiPaths {
  private ApiPaths() {}

  public static String inbox(String view, int limit, String cursor) {
    StringBuilder sb = new StringBuilder("/api/v1/inbox?view=").append(encode(view));
    sb.append("&limit=").append(limit);
    if (cursor != null && !cursor.isBlank()) {
      sb.append("&cursor=").append(encode(cursor.strip()));
    }
    return sb.toString();
  }

  public static String lead(String id) {
    return "/api/v1/leads/" + encode(Objects.requireNonNull(id, "id"));
  }

  public static String leads(LeadQuery q) {
    StringBuilder sb = new StringBuilder("/api/v1/leads?limit=").append(q.limit());
    if (q.bureau() != null) {
      sb.append("&bureau=").append(q.bureau().code());
    }
    if (q.cursor() != null) {
      sb.append("&cursor=").append(encode(q.cursor()));
    }
    return sb.toString();
  }

  public static String accessLog(AccessLogQuery q) {
    StringBuilder sb = new StringBuilder("/api/v1/admin/access-log?after=").append(q.after());
    sb.append("&limit=").append(q.limit());
    if (q.officer() != null) {
      sb.append("&officer=").append(encode(q.officer()));
    }
    return sb.toString();
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters (for a path segment or query).
   */
  public static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
