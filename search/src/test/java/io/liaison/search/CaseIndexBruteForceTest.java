package io.liaison.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.search.SearchResult.FacetCount;
import io.liaison.search.demo.DemoCases;
import io.liaison.search.demo.DemoRegion;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches over generated cases agree with a count done by hand over the same cases. */
class CaseIndexBruteForceTest {
  static final int N = 3_000;
  static final List<String> TEXTS =
      List.of("", "城关镇", "柴沟堡", "收费站", "寄递渠道", "假冒注册商标", "面包车", "准运证", "举报线索", "兴和", "冒注册商标");
  static final List<String> BRANDS = List.of("中华", "玉溪", "黄鹤楼", "万宝路", "利群");

  @TempDir static Path dir;
  static List<SearchDocument> docs;
  static CaseIndex rebuilt;
  static CaseIndex incremental;

  @BeforeAll
  static void index() throws Exception {
    docs = DemoCases.cases(11, N).map(SearchDocument::ofCase).toList();
    rebuilt = CaseIndex.open(dir.resolve("rebuilt"), CaseIndexTest.options());
    List<Long> progress = new ArrayList<>();
    assertThat(rebuilt.rebuild(docs, progress::add)).isEqualTo(N);
    assertThat(progress).last().isEqualTo((long) N);
    assertThat(rebuilt.status()).isEqualTo(IndexStatus.OPENED);
    incremental = CaseIndex.open(dir.resolve("incremental"), CaseIndexTest.options());
    for (SearchDocument d : docs) {
      incremental.upsert(d);
    }
    incremental.refresh();
  }

  @AfterAll
  static void close() throws Exception {
    rebuilt.close();
    incremental.close();
  }

  /** Random but reproducible requests with every kind of filter. */
  static List<SearchRequest> requests() {
    Random r = new Random(5);
    List<SearchRequest> out = new ArrayList<>();
    List<DemoRegion.County> counties = DemoRegion.COUNTIES;
    for (int i = 0; i < 40; i++) {
      SearchRequest.Builder b = SearchRequest.builder(TEXTS.get(r.nextInt(TEXTS.size())));
      if (r.nextBoolean()) {
        b.bureau(counties.get(r.nextInt(6)).bureau(), counties.get(r.nextInt(6)).bureau());
      }
      if (r.nextBoolean()) {
        b.category(CaseCategory.values()[r.nextInt(7)], CaseCategory.values()[r.nextInt(7)]);
      }
      if (r.nextInt(3) == 0) {
        b.disposition(Disposition.values()[r.nextInt(3)]);
      }
      if (r.nextInt(3) == 0) {
        b.brand(BRANDS.get(r.nextInt(BRANDS.size())));
      }
      if (r.nextBoolean()) {
        LocalDate from = DemoCases.FIRST_DAY.plusDays(r.nextInt(900));
        b.dates(r.nextInt(4) == 0 ? null : from, from.plusDays(30 + r.nextInt(400)));
      }
      if (r.nextInt(3) == 0) {
        long min = r.nextInt(50_000) * 100L;
        b.valueFen(min, r.nextBoolean() ? null : min + r.nextInt(200_000) * 100L);
      }
      List<Facet> dims = new ArrayList<>(List.of(Facet.values()));
      if (r.nextBoolean()) {
        Collections.shuffle(dims, r);
        dims = dims.subList(0, 1 + r.nextInt(dims.size()));
      }
      b.facets(dims.toArray(Facet[]::new))
          .facetSize(200)
          .sort(SearchRequest.Sort.values()[r.nextInt(5)]);
      out.add(b.build());
    }
    return out;
  }

  static Predicate<SearchDocument> matcher(SearchRequest q) {
    return d ->
        (q.query().isEmpty()
                || d.narrative().contains(q.query())
                || d.address().contains(q.query())
                || d.title().contains(q.query()))
            && (q.bureaus().isEmpty() || q.bureaus().contains(d.bureau()))
            && (q.categories().isEmpty() || q.categories().contains(d.category()))
            && (q.dispositions().isEmpty() || q.dispositions().contains(d.disposition()))
            && (q.brands().isEmpty() || d.brands().stream().anyMatch(q.brands()::contains))
            && (q.from() == null || !d.date().isBefore(q.from()))
            && (q.to() == null || !d.date().isAfter(q.to()))
            && (q.minValueFen() == null || d.valueFen() >= q.minValueFen())
            && (q.maxValueFen() == null || d.valueFen() <= q.maxValueFen());
  }

  static Map<Facet, Map<String, Long>> bruteFacets(List<SearchDocument> matched, Set<Facet> asked) {
    Map<Facet, Map<String, Long>> out = new HashMap<>();
    for (Facet f : Facet.values()) {
      out.put(f, new TreeMap<>());
    }
    for (SearchDocument d : matched) {
      out.get(Facet.BUREAU).merge(d.bureau().code(), 1L, Long::sum);
      out.get(Facet.CATEGORY).merge(d.category().name(), 1L, Long::sum);
      out.get(Facet.MONTH).merge(d.date().toString().substring(0, 7), 1L, Long::sum);
      out.get(Facet.DISPOSITION).merge(d.disposition().name(), 1L, Long::sum);
      out.get(Facet.KIND).merge(d.kind().name(), 1L, Long::sum);
      for (String b : new HashSet<>(d.brands())) {
        out.get(Facet.BRAND).merge(b, 1L, Long::sum);
      }
    }
    out.keySet().retainAll(asked);
    return out;
  }

  static Map<Facet, Map<String, Long>> asMaps(Map<Facet, List<FacetCount>> facets) {
    Map<Facet, Map<String, Long>> out = new HashMap<>();
    facets.forEach(
        (f, counts) -> {
          Map<String, Long> m = new TreeMap<>();
          counts.forEach(c -> m.put(c.value(), c.count()));
          out.put(f, m);
        });
    return out;
  }

  @Test
  void totalsAndFacetsAgreeWithABruteForceCount() throws Exception {
    int nonEmpty = 0;
    for (SearchRequest q : requests()) {
      List<SearchDocument> matched = docs.stream().filter(matcher(q)).toList();
      SearchResult r = rebuilt.search(q);
      assertThat(r.total()).as(q.toString()).isEqualTo(matched.size());
      assertThat(asMaps(r.facets())).as(q.toString()).isEqualTo(bruteFacets(matched, q.facets()));
      Set<String> expected = new HashSet<>(matched.stream().map(SearchDocument::id).toList());
      assertThat(r.hits()).allMatch(h -> expected.contains(h.id()));
      assertThat(r.hits()).hasSize(Math.min(20, matched.size()));
      nonEmpty += matched.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).isGreaterThan(15);
  }

  @Test
  void sortsAndPagesConsistently() throws Exception {
    SearchRequest all =
        SearchRequest.builder("收费站").sort(SearchRequest.Sort.NEWEST).page(0, 100).build();
    List<SearchHit> hits = rebuilt.search(all).hits();
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).date()).isBeforeOrEqualTo(hits.get(i - 1).date());
    }
    List<SearchHit> paged = new ArrayList<>();
    for (int offset = 0; offset < 100; offset += 30) {
      paged.addAll(
          rebuilt
              .search(
                  SearchRequest.builder("收费站")
                      .sort(SearchRequest.Sort.NEWEST)
                      .page(offset, Math.min(30, 100 - offset))
                      .build())
              .hits());
    }
    assertThat(paged).isEqualTo(hits);
    List<SearchHit> byValue =
        rebuilt
            .search(SearchRequest.builder().sort(SearchRequest.Sort.VALUE_DESC).page(0, 50).build())
            .hits();
    long max = docs.stream().mapToLong(SearchDocument::valueFen).max().orElseThrow();
    assertThat(byValue.get(0).valueFen()).isEqualTo(max);
    for (int i = 1; i < byValue.size(); i++) {
      assertThat(byValue.get(i).valueFen()).isLessThanOrEqualTo(byValue.get(i - 1).valueFen());
    }
  }

  @Test
  void rebuiltAndIncrementalIndexesAnswerTheSame() throws Exception {
    for (SearchRequest q : requests()) {
      SearchResult a = rebuilt.search(q);
      SearchResult b = incremental.search(q);
      assertThat(b.total()).isEqualTo(a.total());
      assertThat(b.facets()).isEqualTo(a.facets());
    }
  }

  @Test
  void lookupsFindEveryCaseMentioningTheIdentifier() throws Exception {
    Map<String, Set<String>> byTerm = new HashMap<>();
    for (SearchDocument d : docs) {
      Set<String> terms = new HashSet<>();
      for (Entity e : d.entities()) {
        IdentifierType.of(e.type())
            .flatMap(t -> Identifiers.normalise(t, e.value()))
            .map(Identifier::term)
            .ifPresent(terms::add);
      }
      EntityExtractor.extract(d.narrative()).forEach(x -> terms.add(x.identifier().term()));
      terms.forEach(t -> byTerm.computeIfAbsent(t, k -> new HashSet<>()).add(d.id()));
    }
    List<String> shared =
        byTerm.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .limit(200)
            .toList();
    assertThat(shared).hasSizeGreaterThan(50);
    for (String term : shared) {
      IdentifierType type = IdentifierType.valueOf(term.substring(0, term.indexOf(':')));
      Identifier id = new Identifier(type, term.substring(term.indexOf(':') + 1), true);
      Set<String> found = new HashSet<>(CaseIndexTest.ids(rebuilt.lookup(id)));
      assertThat(found).as(term).isEqualTo(byTerm.get(term));
    }
  }

  @Test
  void aReopenedIndexGivesTheSameAnswers() throws Exception {
    Path copy = dir.resolve("reopen");
    Map<SearchRequest, SearchResult> before = new HashMap<>();
    try (CaseIndex index = CaseIndex.open(copy, CaseIndexTest.options())) {
      index.rebuild(docs.subList(0, 1_000), n -> {});
      for (SearchRequest q : requests()) {
        before.put(q, index.search(q));
      }
    }
    try (CaseIndex index = CaseIndex.open(copy, CaseIndexTest.options())) {
      assertThat(index.status()).isEqualTo(IndexStatus.OPENED);
      for (SearchRequest q : requests()) {
        assertThat(index.search(q)).isEqualTo(before.get(q));
      }
    }
  }

  @Test
  void bureauFilterByCodeInTheQueryEqualsTheFilter() throws Exception {
    BureauId b = DemoRegion.COUNTIES.get(2).bureau();
    long viaFilter = rebuilt.search(SearchRequest.builder().bureau(b).build()).total();
    long viaQuery = rebuilt.search(SearchRequest.builder("bureau:" + b.code()).build()).total();
    long viaCategoryQuery =
        rebuilt
            .search(SearchRequest.builder("bureau:" + b.code() + " category:无证运输").build())
            .total();
    long brute = docs.stream().filter(d -> d.bureau().equals(b)).count();
    assertThat(viaFilter).isEqualTo(brute).isEqualTo(viaQuery);
    assertThat(viaCategoryQuery)
        .isEqualTo(
            docs.stream()
                .filter(
                    d -> d.bureau().equals(b) && d.category() == CaseCategory.UNLICENSED_TRANSPORT)
                .count());
    assertThat(EnumSet.allOf(Facet.class)).hasSize(6);
  }
}
