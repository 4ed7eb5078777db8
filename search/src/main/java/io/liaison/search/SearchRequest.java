package io.liaison.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A search over the index: a query string (see docs/search.md, "Query syntax"; blank matches
 * everything), filters that all must hold (an empty set means no filter; dates inclusive; values in
 * fen), the order, the page and the facets to count.
 *
 * <p>Paging is capped: {@code limit} 1..{@value #MAX_LIMIT} and {@code offset + limit} at most
 * {@value #MAX_WINDOW}; narrow the query rather than page deeper. Build with {@link #builder}.
 */
public record SearchRequest(
    String query,
    Set<BureauId> bureaus,
    Set<CaseCategory> categories,
    Set<Disposition> dispositions,
    Set<String> brands,
    Set<SearchDocument.Kind> kinds,
    LocalDate from,
    LocalDate to,
    Long minValueFen,
    Long maxValueFen,
    Sort sort,
    int offset,
    int limit,
    Set<Facet> facets,
    int facetSize,
    boolean highlight) {
  public static final int MAX_QUERY = 1_000;
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_FACET_SIZE = 200;

  /** Result order; ties are broken by index order. */
  public enum Sort {
    RELEVANCE,
    NEWEST,
    OLDEST,
    VALUE_DESC,
    VALUE_ASC
  }

  public SearchRequest {
    query = query == null ? "" : query.strip();
    if (query.length() > MAX_QUERY) {
      throw new InvalidQueryException("query longer than " + MAX_QUERY + " characters");
    }
    bureaus = Set.copyOf(bureaus == null ? Set.of() : bureaus);
    categories = Set.copyOf(categories == null ? Set.of() : categories);
    dispositions = Set.copyOf(dispositions == null ? Set.of() : dispositions);
    brands = Set.copyOf(brands == null ? Set.of() : brands);
    kinds = Set.copyOf(kinds == null ? Set.of() : kinds);
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidQueryException("date range ends before it starts");
    }
    if (minValueFen != null && maxValueFen != null && maxValueFen < minValueFen) {
      throw new InvalidQueryException("value range ends before it starts");
    }
    sort = sort == null ? (query.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE) : sort;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit must be 1.." + MAX_LIMIT);
    }
    if (offset < 0 || offset + limit > MAX_WINDOW) {
      throw new InvalidQueryException("offset + limit must be at most " + MAX_WINDOW);
    }
    facets = Set.copyOf(facets == null ? Set.of() : facets);
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidQueryException("facetSize must be 1.." + MAX_FACET_SIZE);
    }
  }

  /** A request for {@code query} with defaults: first 20 hits, no filters, no facets. */
  public static Builder builder(String query) {
    return new Builder().query(query);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for the many optional parts of a request. */
  public static final class Builder {
    private String query = "";
    private final Set<BureauId> bureaus = new LinkedHashSet<>();
    private final Set<CaseCategory> categories = EnumSet.noneOf(CaseCategory.class);
    private final Set<Disposition> dispositions = EnumSet.noneOf(Disposition.class);
    private final Set<String> brands = new LinkedHashSet<>();
    private final Set<SearchDocument.Kind> kinds = EnumSet.noneOf(SearchDocument.Kind.class);
    private LocalDate from;
    private LocalDate to;
    private Long minValueFen;
    private Long maxValueFen;
    private Sort sort;
    private int offset;
    private int limit = DEFAULT_LIMIT;
    private final Set<Facet> facets = EnumSet.noneOf(Facet.class);
    private int facetSize = 50;
    private boolean highlight;

    private Builder() {}

    public Builder query(String query) {
      this.query = query;
      return this;
    }

    public Builder bureau(BureauId... values) {
      bureaus.addAll(Arrays.asList(values));
      return this;
    }

    public Builder category(CaseCategory... values) {
      categories.addAll(Arrays.asList(values));
      return this;
    }

    public Builder disposition(Disposition... values) {
      dispositions.addAll(Arrays.asList(values));
      return this;
    }

    public Builder brand(String... values) {
      brands.addAll(Arrays.asList(values));
      return this;
    }

    public Builder kind(SearchDocument.Kind... values) {
      kinds.addAll(Arrays.asList(values));
      return this;
    }

    /** Records whose day is within {@code from..to}, inclusive; either may be null (open). */
    public Builder dates(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /** Records whose value in fen is within {@code min..max}, inclusive; either may be null. */
    public Builder valueFen(Long min, Long max) {
      this.minValueFen = min;
      this.maxValueFen = max;
      return this;
    }

    public Builder sort(Sort sort) {
      this.sort = Objects.requireNonNull(sort);
      return this;
    }

    public Builder page(int offset, int limit) {
      this.offset = offset;
      this.limit = limit;
      return this;
    }

    public Builder facets(Facet... values) {
      facets.addAll(Arrays.asList(values));
      return this;
    }

    public Builder facetSize(int size) {
      this.facetSize = size;
      return this;
    }

    public Builder highlight(boolean highlight) {
      this.highlight = highlight;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          query,
          bureaus,
          categories,
          dispositions,
          brands,
          kinds,
          from,
          to,
          minValueFen,
          maxValueFen,
          sort,
          offset,
          limit,
          facets,
          facetSize,
          highlight);
    }
  }
}
