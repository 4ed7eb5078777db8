package io.liaison.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;
import java.util.List;

/**
 * One record found by a search or a lookup: what a result list shows. {@code score} is NaN when the
 * results are not sorted by relevance; {@code snippets} are passages of the narrative with matches
 * wrapped in {@code <em>…</em>} and everything else HTML-escaped (empty unless highlighting was
 * asked for and something matched in the narrative).
 */
public record SearchHit(
    String id,
    SearchDocument.Kind kind,
    BureauId bureau,
    CaseCategory category,
    LocalDate date,
    long valueFen,
    long sticks,
    Disposition disposition,
    List<String> brands,
    String title,
    boolean readable,
    long version,
    float score,
    List<String> snippets) {
  public SearchHit {
    brands = List.copyOf(brands);
    snippets = List.copyOf(snippets);
  }
}
