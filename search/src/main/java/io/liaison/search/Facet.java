package io.liaison.search;

/**
 * Dimensions the index counts. Values: {@code BUREAU} the six-digit code, {@code CATEGORY} the
 * {@link io.liaison.api.cases.CaseCategory} name, {@code MONTH} {@code yyyy-MM} of the record's
 * day, {@code BRAND} the brand name, {@code DISPOSITION} the {@link
 * io.liaison.api.cases.Disposition} name, {@code KIND} {@code LEAD} or {@code CASE}.
 */
public enum Facet {
  BUREAU,
  CATEGORY,
  MONTH,
  BRAND,
  DISPOSITION,
  KIND;

  /** The facet dimension name in the index. */
  public String dim() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
