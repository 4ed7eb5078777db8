package io.liaison.node.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Fen;
import io.liaison.node.domain.Malformed;
import io.liaison.search.Facet;
import io.liaison.search.SearchDocument;
import io.liaison.search.SearchRequest;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The query parameters of {@code GET /api/v1/search}, checked at the edge: every refusal is a 400
 * problem naming the parameter. Caps: the query at {@value #MAX_QUERY} characters and {@value
 * #MAX_CLAUSES} clauses, each filter at {@value #MAX_VALUES} values, the page at {@code
 * min(}{@value SearchRequest#MAX_LIMIT}{@code , limits.maxPageSize)} hits, paging no deeper than
 * {@value SearchRequest#MAX_WINDOW}.
 */
final class SearchParams {
  static final int MAX_QUERY = 500;
  static final int MAX_CLAUSES = 32;
  static final int MAX_VALUES = 20;

  private SearchParams() {}

  /** A page of a search and where it starts. */
  record Parsed(SearchRequest request, int offset, int limit) {}

  static Parsed parse(MultiMap p, int maxPage) {
    SearchRequest.Builder b = SearchRequest.builder(query(p.get("q")));
    values(p, "bureau", v -> BureauId.of(v)).forEach(b::bureau);
    values(p, "category", CaseCategory::of).forEach(b::category);
    values(p, "disposition", SearchParams::disposition).forEach(b::disposition);
    values(p, "kind", SearchParams::kind).forEach(b::kind);
    values(p, "brand", SearchParams::brand).forEach(b::brand);
    LocalDate from = one(p, "from", LocalDate::parse);
    LocalDate to = one(p, "to", LocalDate::parse);
    if (from != null && to != null && to.isBefore(from)) {
      throw bad("to", "to must not be before from");
    }
    b.dates(from, to);
    Long min = one(p, "minValue", SearchParams::fen);
    Long max = one(p, "maxValue", SearchParams::fen);
    if (min != null && max != null && max < min) {
      throw bad("maxValue", "maxValue must not be below minValue");
    }
    b.valueFen(min, max);
    SearchRequest.Sort sort = one(p, "sort", SearchParams::sort);
    if (sort != null) {
      b.sort(sort);
    }
    int limit = integer(p, "limit", SearchRequest.DEFAULT_LIMIT, 1, pageCap(maxPage));
    int offset = offset(p, limit);
    b.page(offset, limit);
    values(p, "facets", SearchParams::facet).forEach(b::facets);
    b.facetSize(integer(p, "facetSize", 20, 1, SearchRequest.MAX_FACET_SIZE));
    Boolean highlight = one(p, "highlight", SearchParams::bool);
    b.highlight(highlight == null || highlight);
    return new Parsed(b.build(), offset, limit);
  }

  static int pageCap(int maxPage) {
    return Math.min(SearchRequest.MAX_LIMIT, maxPage);
  }

  /** The query text within the caps (blank matches everything). */
  static String query(String q) {
    if (q == null) {
      return "";
    }
    if (q.length() > MAX_QUERY) {
      throw bad("q", "the query is longer than " + MAX_QUERY + " characters");
    }
    int clauses = clauses(q);
    if (clauses > MAX_CLAUSES) {
      throw new Malformed(
          "too-many-clauses", "the query has " + clauses + " clauses; at most " + MAX_CLAUSES, "q");
    }
    return q;
  }

  /**
   * Clauses of a query as the officer wrote it: quoted phrases and words (a {@code field:value} is
   * one), operators and brackets not counted. An upper bound of what the parser makes of it.
   */
  static int clauses(String q) {
    int n = 0;
    boolean quoted = false;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= q.length(); i++) {
      char c = i < q.length() ? q.charAt(i) : ' ';
      if (c == '"') {
        quoted = !quoted;
        word.append(c);
      } else if (!quoted
          && (Character.isWhitespace(c) || c == '(' || c == ')' || c == '（' || c == '）')) {
        String w = word.toString();
        word.setLength(0);
        if (!w.isEmpty() && !List.of("AND", "OR", "NOT", "TO", "&&", "||", "+", "-").contains(w)) {
          n++;
        }
      } else {
        word.append(c);
      }
    }
    return n;
  }

  private static int offset(MultiMap p, int limit) {
    String cursor = p.get("cursor");
    String offset = p.get("offset");
    if (cursor != null && offset != null) {
      throw bad("cursor", "give cursor or offset, not both");
    }
    int o =
        cursor != null
            ? decodeCursor(cursor)
            : integer(p, "offset", 0, 0, SearchRequest.MAX_WINDOW - 1);
    if (o + limit > SearchRequest.MAX_WINDOW) {
      throw bad(
          cursor != null ? "cursor" : "offset",
          "results are paged no deeper than " + SearchRequest.MAX_WINDOW + "; narrow the query");
    }
    return o;
  }

  /** The opaque cursor of the page after one that ended at {@code nextOffset}. */
  static String cursor(int nextOffset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + nextOffset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(String c) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8);
      if (raw.startsWith("o:")) {
        int o = Integer.parseInt(raw.substring(2));
        if (o >= 0) {
          return o;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through
    }
    throw bad("cursor", "cursor is not valid");
  }

  private static <T> List<T> values(MultiMap p, String name, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String raw : p.getAll(name)) {
      for (String v : raw.split("[,，]")) {
        if (!v.isBlank()) {
          out.add(parseOne(name, v.strip(), parse));
        }
      }
    }
    if (out.size() > MAX_VALUES) {
      throw bad(name, "at most " + MAX_VALUES + " values of " + name);
    }
    return out;
  }

  private static <T> T one(MultiMap p, String name, Function<String, T> parse) {
    List<String> all = p.getAll(name);
    if (all.size() > 1) {
      throw bad(name, name + " is given more than once");
    }
    return all.isEmpty() || all.get(0).isBlank() ? null : parseOne(name, all.get(0).strip(), parse);
  }

  private static <T> T parseOne(String name, String v, Function<String, T> parse) {
    try {
      return parse.apply(v);
    } catch (DateTimeParseException e) {
      throw bad(name, name + " must be a date written 2026-03-12");
    } catch (IllegalArgumentException e) {
      throw bad(name, name + ": " + e.getMessage());
    }
  }

  private static int integer(MultiMap p, String name, int dflt, int min, int max) {
    Integer v = one(p, name, Integer::valueOf);
    if (v == null) {
      return dflt;
    }
    if (v < min || v > max) {
      throw bad(name, name + " must be between " + min + " and " + max);
    }
    return v;
  }

  private static Disposition disposition(String v) {
    for (Disposition d : Disposition.values()) {
      if (d.name().equalsIgnoreCase(v) || d.label().equals(v)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "one of ADMINISTRATIVE_PENALTY, TRANSFERRED_TO_POLICE, PENDING");
  }

  private static SearchDocument.Kind kind(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "lead", "线索" -> SearchDocument.Kind.LEAD;
      case "case", "案件" -> SearchDocument.Kind.CASE;
      default -> throw new IllegalArgumentException("lead or case");
    };
  }

  private static String brand(String v) {
    if (v.length() > 40) {
      throw new IllegalArgumentException("a brand is at most 40 characters");
    }
    return v;
  }

  private static long fen(String yuan) {
    long fen = Fen.ofYuan(yuan);
    if (fen < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return fen;
  }

  private static SearchRequest.Sort sort(String v) {
    try {
      return SearchRequest.Sort.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("one of relevance, newest, oldest, value_desc, value_asc");
    }
  }

  private static Facet facet(String v) {
    try {
      return Facet.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "one of bureau, category, month, brand, disposition, kind");
    }
  }

  private static Boolean bool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("true or false");
    };
  }

  static Malformed bad(String param, String detail) {
    return new Malformed("bad-parameter", detail, param);
  }
}
