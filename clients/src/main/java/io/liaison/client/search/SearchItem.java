package io.liaison.client.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;
import java.util.List;

/**
 * One hit of a search: a shared case ({@code kind} {@code CASE}, {@code title} its case number) or
 * a readable lead ({@code LEAD}), served at {@code url}. {@code score} is there only when sorted by
 * relevance; {@code snippets} are narrative passages, HTML-escaped, with the matches in {@code
 * <em>…</em>}.
 */
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
  public boolean isCase() {
    return "CASE".equals(kind);
  }
}
