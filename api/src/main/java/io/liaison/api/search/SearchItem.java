package io.liaison.api.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;
import java.util.List;

/**
 * One hit of a search: a shared case ({@code kind} {@code CASE}, {@code title} its case number) or
 * a readable lead ({@code LEAD}), served at {@code url}. {@code score} is there only when sorted by
 * relevance; {@code snippets} are narrative passages, HTML-escaped, with the matches in {@code
 * <em>…</em>}. The node answers it ({@code GET /api/v1/search}, {@code /search/identifiers}) and
 * the client reads it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchItem(
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
  public SearchItem {
    brands = brands == null ? List.of() : List.copyOf(brands);
    snippets = snippets == null ? List.of() : List.copyOf(snippets);
  }

  /** Whether the hit is a shared case (else a lead). */
  @JsonIgnore
  public boolean isCase() {
    return "CASE".equals(kind);
  }
}
