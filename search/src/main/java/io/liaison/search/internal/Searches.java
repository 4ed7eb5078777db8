package io.liaison.search.internal;

import io.liaison.search.SearchHit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResult;
import io.liaison.search.ident.Identifier;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** The read side of the case index, on one acquired searcher. */
public final class Searches {
  public static final int MAX_LOOKUP = 10_000;
  private static final int SNIPPETS = 2;
  private static final Sort NEWEST = sortBy(Schema.DATE, true, false);

  private Searches() {}

  /** The search of {@link io.liaison.search.CaseIndex#search}. */
  public static SearchResult search(
      IndexSearcher s, Analyzer analyzer, FacetCounter facets, SearchRequest r) throws IOException {
    IndexReader reader = s.getIndexReader();
    Query text =
        r.query().isEmpty() ? null : CaseQueryParser.parse(r.query(), analyzer, reader, true);
    Query query = withFilters(text, r);
    int n = r.offset() + r.limit();
    Sort sort = sort(r.sort());
    FacetsCollectorManager.FacetsResult result =
        sort == null
            ? FacetsCollectorManager.search(s, query, n, new FacetsCollectorManager())
            : FacetsCollectorManager.search(s, query, n, sort, new FacetsCollectorManager());
    FacetsCollector collected = result.facetsCollector();
    long total = collected.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    ScoreDoc[] all = result.topDocs().scoreDocs;
    ScoreDoc[] page =
        all.length <= r.offset()
            ? new ScoreDoc[0]
            : Arrays.copyOfRange(all, r.offset(), Math.min(all.length, n));
    String[] snippets =
        r.highlight() && text != null && page.length > 0
            ? highlight(
                s, analyzer, CaseQueryParser.parse(r.query(), analyzer, reader, false), page)
            : new String[page.length];
    StoredFields stored = s.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      float score = sort == null ? page[i].score : Float.NaN;
      List<String> snippet = snippets[i] == null ? List.of() : List.of(snippets[i].split("\u2063"));
      hits.add(Schema.hit(stored.document(page[i].doc, Schema.HIT_FIELDS), score, snippet));
    }
    return new SearchResult(
        total, hits, facets.count(reader, collected, r.facets(), r.facetSize()));
  }

  /** The query of a request: the parsed text (or everything) and every filter, hidden excluded. */
  public static Query withFilters(Query text, SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
    terms(b, Schema.BUREAU, r.bureaus(), x -> x.code());
    terms(b, Schema.CATEGORY, r.categories(), Enum::name);
    terms(b, Schema.DISPOSITION, r.dispositions(), Enum::name);
    terms(b, Schema.KIND, r.kinds(), Enum::name);
    terms(b, Schema.BRAND, r.brands(), String::strip);
    if (r.from() != null || r.to() != null) {
      int low = r.from() == null ? Integer.MIN_VALUE : (int) r.from().toEpochDay();
      int high = r.to() == null ? Integer.MAX_VALUE : (int) r.to().toEpochDay();
      b.add(IntField.newRangeQuery(Schema.DATE, low, high), Occur.FILTER);
    }
    if (r.minValueFen() != null || r.maxValueFen() != null) {
      long low = r.minValueFen() == null ? Long.MIN_VALUE : r.minValueFen();
      long high = r.maxValueFen() == null ? Long.MAX_VALUE : r.maxValueFen();
      b.add(LongField.newRangeQuery(Schema.VALUE, low, high), Occur.FILTER);
    }
    b.add(Schema.HIDDEN_QUERY, Occur.MUST_NOT);
    return b.build();
  }

  private static <T> void terms(
      BooleanQuery.Builder b, String field, Collection<T> values, Function<T, String> term) {
    if (values.isEmpty()) {
      return;
    }
    List<BytesRef> refs = values.stream().map(term).map(BytesRef::new).toList();
    b.add(
        refs.size() == 1
            ? new TermQuery(new Term(field, refs.get(0)))
            : new TermInSetQuery(field, refs),
        Occur.FILTER);
  }

  /** The sort of a request, or null for relevance. */
  public static Sort sort(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> null;
      case NEWEST -> NEWEST;
      case OLDEST -> sortBy(Schema.DATE, false, false);
      case VALUE_DESC -> sortBy(Schema.VALUE, true, true);
      case VALUE_ASC -> sortBy(Schema.VALUE, false, true);
    };
  }

  private static Sort sortBy(String field, boolean reverse, boolean isLong) {
    SortField f =
        isLong
            ? LongField.newSortField(field, reverse, SortedNumericSelector.Type.MIN)
            : IntField.newSortField(field, reverse, SortedNumericSelector.Type.MIN);
    return new Sort(f, SortField.FIELD_DOC);
  }

  private static String[] highlight(IndexSearcher s, Analyzer analyzer, Query text, ScoreDoc[] page)
      throws IOException {
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(s, analyzer)
            .withMaskedFieldsFunc(f -> f.equals(Schema.NARRATIVE) ? Set.of(Schema.TEXT) : Set.of())
            .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "\u2063", true))
            .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
            .withMaxNoHighlightPassages(0)
            .build();
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    return highlighter.highlight(Schema.NARRATIVE, text, docs, SNIPPETS);
  }

  /** Every visible record with the identifier term, newest first. */
  public static List<SearchHit> lookup(IndexSearcher s, Identifier id) throws IOException {
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.IDENT, id.term())), Occur.FILTER)
            .add(Schema.HIDDEN_QUERY, Occur.MUST_NOT)
            .build();
    return hits(s, s.search(q, MAX_LOOKUP, NEWEST).scoreDocs);
  }

  /** The visible record with the id. */
  public static Optional<SearchHit> get(IndexSearcher s, String id) throws IOException {
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ID, id)), Occur.FILTER)
            .add(Schema.HIDDEN_QUERY, Occur.MUST_NOT)
            .build();
    return hits(s, s.search(q, 1).scoreDocs).stream().findFirst();
  }

  /** Number of visible records. */
  public static int count(IndexSearcher s) throws IOException {
    return s.count(
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.MUST)
            .add(Schema.HIDDEN_QUERY, Occur.MUST_NOT)
            .build());
  }

  private static List<SearchHit> hits(IndexSearcher s, ScoreDoc[] docs) throws IOException {
    StoredFields stored = s.storedFields();
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      hits.add(Schema.hit(stored.document(d.doc, Schema.HIT_FIELDS), Float.NaN, List.of()));
    }
    return hits;
  }

  /** The rank of the live document with {@code id} (tombstones included), or -1. */
  public static long indexedRank(IndexReader reader, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          NumericDocValues ranks = leaf.reader().getNumericDocValues(Schema.RANK);
          if (ranks != null && ranks.advanceExact(doc)) {
            return ranks.longValue();
          }
        }
      }
    }
    return -1;
  }
}
