package io.liaison.client;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.client.search.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  public static String search(SearchQuery q) {
    StringBuilder sb = new StringBuilder("/api/v1/search?q=").append(encode(q.text()));
    list(sb, "bureau", q.bureaus(), BureauId::code);
    list(sb, "category", q.categories(), CaseCategory::name);
    list(sb, "kind", q.kinds(), k -> k);
    if (q.from() != null) {
      sb.append("&from=").append(q.from());
    }
    if (q.to() != null) {
      sb.append("&to=").append(q.to());
    }
    sb.append("&limit=").append(q.limit());
    if (q.cursor() != null) {
      sb.append("&cursor=").append(encode(q.cursor()));
    }
    list(sb, "facets", q.facets(), f -> f);
    return sb.toString();
  }

  /** {@code type} is PHONE, PLATE, ID_NUMBER, LICENCE, WAYBILL or ACCOUNT. */
  public static String identifiers(String type, String value, int limit) {
    return "/api/v1/search/identifiers?type="
        + encode(type)
        + "&value="
        + encode(value)
        + "&limit="
        + limit;
  }

  public static String network(String id) {
    return "/api/v1/networks/" + encode(Objects.requireNonNull(id, "id").strip());
  }

  public static String proposal(String id) {
    return "/api/v1/networks/proposals/" + encode(Objects.requireNonNull(id, "id").strip());
  }

  /** {@code &name=a,b,c}, nothing when {@code values} is empty. */
  private static <T> void list(
      StringBuilder sb, String name, List<T> values, Function<T, String> text) {
    if (!values.isEmpty()) {
      sb.append('&').append(name).append('=');
      sb.append(values.stream().map(v -> encode(text.apply(v))).collect(Collectors.joining(",")));
    }
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
