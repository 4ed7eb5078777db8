package io.liaison.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of search hits ({@code GET /api/v1/search}): the exact {@code total}, the hits from
 * {@code offset}, the cursor of the next page (null on the last), and for each facet asked for the
 * counts of its values over all matches (e.g. {@code bureau} → {@code 150924: 12}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(
    long total,
    int offset,
    int limit,
    String nextCursor,
    List<SearchItem> items,
    Map<String, List<FacetCount>> facets) {
  public SearchPage {
    items = items == null ? List.of() : List.copyOf(items);
    // in the node's order (by facet name)
    facets = facets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }

  /** The counts of one facet ({@code bureau}, {@code category} …), empty when not counted. */
  public List<FacetCount> facet(String name) {
    return facets.getOrDefault(name, List.of());
  }

  /** How many matches have {@code value} (a bureau code, a category name, a month …). */
  public record FacetCount(String value, long count) {}
}
