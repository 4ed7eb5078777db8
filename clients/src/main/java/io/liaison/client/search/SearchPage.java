package io.liaison.client.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search hits ({@code GET /api/v1/search}): the exact {@code total}, the hits from
 * {@code offset}, the cursor of the next page (null on the last), and for each facet asked for the
 * counts of its values over all matches (e.g. {@code bureau} → {@code 150924: 12}).
 */
public record SearchPage(
    long total,
    int offset,
    int limit,
    String nextCursor,
    List<SearchItem> items,
    Map<String, List<FacetCount>> facets) {
  public SearchPage {
    items = items == null ? List.of() : List.copyOf(items);
    facets = facets == null ? Map.of() : Map.copyOf(facets);
  }

  /** The counts of one facet ({@code bureau}, {@code category} …), empty when not counted. */
  public List<FacetCount> facet(String name) {
    return facets.getOrDefault(name, List.of());
  }

  /** How many matches have {@code value} (a bureau code, a category name, a month …). */
  public record FacetCount(String value, long count) {}
}
