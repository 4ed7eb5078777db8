package io.liaison.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results: the exact number of matching records, the requested page, and for
 * each requested facet the counts of its values over all matching records (from doc values),
 * largest first.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** How many matching records have {@code value} (a bureau code, a category name, a month…). */
  public record FacetCount(String value, long count) {}
}
