package io.liaison.search.internal;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.Facet;
import io.liaison.search.SearchDocument;
import io.liaison.search.SearchHit;
import io.liaison.search.analysis.ChineseAnalyzers;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The index schema: field names, how a {@link SearchDocument} becomes a Lucene document and how a
 * stored document becomes a {@link SearchHit}. Bump {@link #VERSION} whenever a change needs a
 * rebuild; an index of another version is recreated on open.
 */
public final class Schema {
  public static final int VERSION = 2;

  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String BUREAU = "bureau";
  public static final String CATEGORY = "category";
  public static final String DISPOSITION = "disposition";

  /** Day as epoch day: point, doc values (sort) and stored. */
  public static final String DATE = "date";

  /** Value in fen: point, doc values (sort) and stored. */
  public static final String VALUE = "value";

  public static final String STICKS = "sticks";
  public static final String BRAND = "brand";
  public static final String PERSON = "person";

  /** Normalised identifiers as {@code TYPE:value} terms, from entities and from the text. */
  public static final String IDENT = "ident";

  /** Title, address and narrative together, CJK bigrams: the default search field. */
  public static final String TEXT = "text";

  /**
   * Title, address and narrative, Han trigrams without positions: a three-character phrase is one
   * term here, a longer one is narrowed by its trigrams (see {@link ChineseAnalyzers#hanTrigrams}).
   */
  public static final String TEXT3 = "text3";

  private static final FieldType TEXT3_TYPE = new FieldType();

  static {
    TEXT3_TYPE.setTokenized(true);
    TEXT3_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    TEXT3_TYPE.freeze();
  }

  public static final String TITLE = "title";
  public static final String ADDRESS = "address";

  /** Stored only; highlighted with the matches of {@link #TEXT}. */
  public static final String NARRATIVE = "narrative";

  /** {@code version * 2 + (readable ? 1 : 0)}: doc values and stored. */
  public static final String RANK = "rank";

  /** {@code 1} on tombstones and sealed documents, which searches never return. */
  public static final String HIDDEN = "hidden";

  public static final Query HIDDEN_QUERY = new TermQuery(new Term(HIDDEN, "1"));

  private static final FacetsConfig FACETS = new FacetsConfig();

  static {
    FACETS.setMultiValued(Facet.BRAND.dim(), true);
  }

  private Schema() {}

  public static FacetsConfig facetsConfig() {
    return FACETS;
  }

  /** Per-field analysis: Han trigrams for {@link #TEXT3}, CJK bigrams for every other field. */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        ChineseAnalyzers.bigram(), Map.of(TEXT3, ChineseAnalyzers.hanTrigrams()));
  }

  /** The rank that orders versions: a readable document beats a sealed one of the same version. */
  public static long rank(long version, boolean readable) {
    return version * 2 + (readable ? 1 : 0);
  }

  /** The Lucene document of {@code d}, facets included. */
  public static Document toDocument(SearchDocument d) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.YES));
    long rank = rank(d.version(), d.readable());
    doc.add(new NumericDocValuesField(RANK, rank));
    doc.add(new StoredField(RANK, rank));
    doc.add(new StringField(KIND, d.kind().name(), Field.Store.YES));
    doc.add(new StringField(BUREAU, d.bureau().code(), Field.Store.YES));
    doc.add(new IntField(DATE, (int) d.date().toEpochDay(), Field.Store.YES));
    if (!d.readable()) {
      doc.add(new StringField(HIDDEN, "1", Field.Store.NO));
      return doc;
    }
    doc.add(new LongField(VALUE, d.valueFen(), Field.Store.YES));
    doc.add(new StoredField(STICKS, d.sticks()));
    doc.add(facet(Facet.KIND, d.kind().name()));
    doc.add(facet(Facet.BUREAU, d.bureau().code()));
    doc.add(facet(Facet.MONTH, d.date().toString().substring(0, 7)));
    if (d.category() != null) {
      doc.add(new StringField(CATEGORY, d.category().name(), Field.Store.YES));
      doc.add(facet(Facet.CATEGORY, d.category().name()));
    }
    if (d.disposition() != null) {
      doc.add(new StringField(DISPOSITION, d.disposition().name(), Field.Store.YES));
      doc.add(facet(Facet.DISPOSITION, d.disposition().name()));
    }
    for (String brand : d.brands()) {
      String b = brand.strip();
      if (!b.isEmpty()) {
        doc.add(new StringField(BRAND, b, Field.Store.YES));
        doc.add(facet(Facet.BRAND, b));
      }
    }
    for (Entity e : d.entities()) {
      if (e.type() == EntityType.PERSON) {
        doc.add(new StringField(PERSON, e.value().strip(), Field.Store.YES));
      }
    }
    for (String term : identifierTerms(d)) {
      doc.add(new StringField(IDENT, term, Field.Store.YES));
    }
    StringBuilder all = new StringBuilder();
    if (d.title() != null) {
      doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
      all.append(d.title()).append('\n');
    }
    if (d.address() != null) {
      doc.add(new TextField(ADDRESS, d.address(), Field.Store.YES));
      all.append(d.address()).append('\n');
    }
    if (d.narrative() != null) {
      doc.add(new StoredField(NARRATIVE, d.narrative()));
      all.append(d.narrative());
    }
    doc.add(new TextField(TEXT, all.toString(), Field.Store.NO));
    doc.add(new Field(TEXT3, all.toString(), TEXT3_TYPE));
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // builds in memory; does not happen
    }
  }

  /** A deleted record: only its id and version remain, so an older version cannot come back. */
  public static Document tombstone(String id, long version) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.YES));
    long rank = rank(version, true);
    doc.add(new NumericDocValuesField(RANK, rank));
    doc.add(new StoredField(RANK, rank));
    doc.add(new StringField(HIDDEN, "1", Field.Store.NO));
    return doc;
  }

  /**
   * The normalised identifiers of a document: its identifier entities plus those found in its
   * title, address and narrative, as {@code TYPE:value} terms.
   */
  public static Set<String> identifierTerms(SearchDocument d) {
    Set<String> terms = new LinkedHashSet<>();
    for (Entity e : d.entities()) {
      IdentifierType.of(e.type())
          .flatMap(t -> Identifiers.normalise(t, e.value()))
          .ifPresent(id -> terms.add(id.term()));
    }
    for (String text : Arrays.asList(d.title(), d.address(), d.narrative())) {
      if (text != null) {
        for (ExtractedEntity x : EntityExtractor.extract(text)) {
          terms.add(x.identifier().term());
        }
      }
    }
    return terms;
  }

  /** The hit for a stored document. */
  public static SearchHit hit(Document stored, float score, List<String> snippets) {
    long rank = stored.getField(RANK).numericValue().longValue();
    String category = stored.get(CATEGORY);
    String disposition = stored.get(DISPOSITION);
    Number value = stored.getField(VALUE) == null ? null : stored.getField(VALUE).numericValue();
    Number sticks = stored.getField(STICKS) == null ? null : stored.getField(STICKS).numericValue();
    return new SearchHit(
        stored.get(ID),
        SearchDocument.Kind.valueOf(stored.get(KIND)),
        BureauId.of(stored.get(BUREAU)),
        category == null ? null : CaseCategory.valueOf(category),
        LocalDate.ofEpochDay(stored.getField(DATE).numericValue().longValue()),
        value == null ? 0 : value.longValue(),
        sticks == null ? 0 : sticks.longValue(),
        disposition == null ? null : Disposition.valueOf(disposition),
        List.of(stored.getValues(BRAND)),
        stored.get(TITLE),
        (rank & 1) == 1,
        rank >> 1,
        score,
        snippets);
  }

  /** Stored fields a hit needs (the narrative is loaded by the highlighter only). */
  public static final Set<String> HIT_FIELDS =
      Set.of(ID, RANK, KIND, BUREAU, CATEGORY, DATE, VALUE, STICKS, DISPOSITION, BRAND, TITLE);

  private static SortedSetDocValuesFacetField facet(Facet f, String value) {
    return new SortedSetDocValuesFacetField(f.dim(), value);
  }
}
