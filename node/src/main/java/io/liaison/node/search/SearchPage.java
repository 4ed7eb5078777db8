package io.liaison.node.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.search.SearchHit;
import io.liaison.search.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/search} answers: the exact total, one page of hits, the cursor of the
 * next page (absent on the last), and the requested facet counts over all matching records.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(
    long total,
    int offset,
    int limit,
    String nextCursor,
    List<Item> items,
    Map<String, List<SearchResult.FacetCount>> facets) {

  /**
   * One hit. {@code url} is where the record is served; {@code score} is absent unless sorted by
   * relevance; {@code snippets} are narrative passages with matches in {@code <em>…</em>}, the rest
   * HTML-escaped.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String id,
      String kind,
      String url,
      BureauId bureau,
      CaseCategory category,
      LocalDate date,
      long valueFen,
      long sticks,
      Disposition disposition,
      List<String> brands,
      String title,
      long version,
      Float score,
      List<String> snippets) {

    static Item of(SearchHit h) {
      String url =
          h.kind() == io.liaison.search.SearchDocument.Kind.CASE
              ? "/api/v1/cases/" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8)
              : "/api/v1/leads/" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8);
      return new Item(
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
  }

  static SearchPage of(SearchResult r, int offset, int limit) {
    Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
    r.facets().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> facets.put(e.getKey().dim(), e.getValue()));
    int next = offset + r.hits().size();
    return new SearchPage(
        r.total(),
        offset,
        limit,
        next < r.total() && !r.hits().isEmpty() ? SearchParams.cursor(next) : null,
        r.hits().stream().map(Item::of).toList(),
        facets);
  }

  /** What {@code GET /api/v1/search/identifiers} answers. */
  public record IdentifierPage(
      String type, String value, boolean valid, long total, List<Item> items) {}
}
