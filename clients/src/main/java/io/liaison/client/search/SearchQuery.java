package io.liaison.client.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a search of the shared history ({@code GET /api/v1/search}): the query text (blank
 * matches everything; syntax in docs/search.md), filters (any of these bureaus, categories and
 * kinds, {@code lead} or {@code case}; the days {@code from}..{@code to}, inclusive), at most
 * {@code limit} hits (1..100) after {@code cursor} (the previous page's {@code nextCursor}), and
 * the facets to count ({@code bureau}, {@code category}, {@code month}, {@code brand}, {@code
 * disposition}, {@code kind}).
 */
public record SearchQuery(
    String text,
    List<BureauId> bureaus,
    List<CaseCategory> categories,
    List<String> kinds,
    LocalDate from,
    LocalDate to,
    int limit,
    String cursor,
    List<String> facets) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** The facets counted unless others are asked for. */
  public static final List<String> DEFAULT_FACETS = List.of("bureau", "category", "kind");

  public SearchQuery {
    text = text == null ? "" : text.strip();
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    categories = categories == null ? List.of() : List.copyOf(categories);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    facets = facets == null ? List.of() : List.copyOf(facets);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
  }

  /** The first {@value #DEFAULT_LIMIT} hits for {@code text}, counting the default facets. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, DEFAULT_LIMIT, null, DEFAULT_FACETS);
  }

  public SearchQuery withBureaus(List<BureauId> b) {
    return new SearchQuery(text, b, categories, kinds, from, to, limit, cursor, facets);
  }

  public SearchQuery withCategories(List<CaseCategory> c) {
    return new SearchQuery(text, bureaus, c, kinds, from, to, limit, cursor, facets);
  }

  public SearchQuery withKinds(List<String> k) {
    return new SearchQuery(text, bureaus, categories, k, from, to, limit, cursor, facets);
  }

  public SearchQuery between(LocalDate first, LocalDate last) {
    return new SearchQuery(text, bureaus, categories, kinds, first, last, limit, cursor, facets);
  }

  public SearchQuery withLimit(int n) {
    return new SearchQuery(text, bureaus, categories, kinds, from, to, n, cursor, facets);
  }

  public SearchQuery after(String nextCursor) {
    return new SearchQuery(text, bureaus, categories, kinds, from, to, limit, nextCursor, facets);
  }
}
