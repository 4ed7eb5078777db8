package io.liaison.api.search;

import java.util.List;

/**
 * Every record naming one identifier ({@code GET /api/v1/search/identifiers}), newest first: the
 * identifier's type and canonical form ({@code 蒙J·3K582} → {@code 蒙J3K582}), whether it is valid
 * (false e.g. for an ID number with a wrong check digit: kept and flagged), how many records name
 * it and the first of them.
 */
public record IdentifierPage(
    String type, String value, boolean valid, long total, List<SearchItem> items) {
  public IdentifierPage {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
