package io.liaison.node.search;

import io.liaison.api.search.SearchItem;
import io.liaison.api.search.SearchPage;
import io.liaison.search.SearchDocument;
import io.liaison.search.SearchHit;
import io.liaison.search.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's results as the wire types of {@code api.search}: what {@code GET /api/v1/search}
 * answers (the exact total, one page of hits, the cursor of the next page — absent on the last —
 * and the requested facet counts over all matching records, by facet name).
 */
final class SearchAnswers {
  private SearchAnswers() {}

  /**
   * One hit. {@code url} is where the record is served; {@code score} is absent unless sorted by
   * relevance.
   */
  static SearchItem item(SearchHit h) {
    String url =
        h.kind() == SearchDocument.Kind.CASE
            ? "/api/v1/cases/" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8)
            : "/api/v1/leads/" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8);
    return new SearchItem(
        h.id(),
        h.kind().name(),
        url,
        h.bureau(),
        h.category(),
        h.date(),
        h.valueFen(),
        h.sticks(),
        h.disposition(),
        h.brands(),
        h.title(),
        h.version(),
        Float.isNaN(h.score()) ? null : h.score(),
        h.snippets());
  }

  static SearchPage page(SearchResult r, int offset, int limit) {
    Map<String, List<SearchPage.FacetCount>> facets = new LinkedHashMap<>();
    r.facets().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                facets.put(
                    e.getKey().dim(),
                    e.getValue().stream()
                        .map(c -> new SearchPage.FacetCount(c.value(), c.count()))
                        .toList()));
    int next = offset + r.hits().size();
    return new SearchPage(
        r.total(),
        offset,
        limit,
        next < r.total() && !r.hits().isEmpty() ? SearchParams.cursor(next) : null,
        r.hits().stream().map(SearchAnswers::item).toList(),
        facets);
  }
}
