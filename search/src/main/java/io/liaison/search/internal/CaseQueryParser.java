package io.liaison.search.internal;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.search.InvalidQueryException;
import io.liaison.search.SearchDocument;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.ident.Fold;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query language of the case index: Lucene's classic syntax ({@code AND OR NOT + - ( )
 * "phrases"}, ranges {@code [a TO b]}) with AND as the default operator, over fields that mean
 * something to an officer. Free text is matched as a phrase of CJK bigrams; identifier fields
 * normalise their value first ({@code plate:蒙j·3k582} finds {@code 蒙J3K582}), and free text that is
 * one whole identifier also matches it normalised; an unquoted word that is exactly a brand in the
 * index means that brand (so {@code 中华} does not match 中华人民共和国). Field names have Chinese aliases;
 * see docs/search.md for the table. Not thread-safe: one per query.
 */
public final class CaseQueryParser extends QueryParser {
  private enum Target {
    TEXT,
    TITLE,
    ADDRESS,
    PERSON,
    BRAND,
    CATEGORY,
    BUREAU,
    DISPOSITION,
    KIND,
    DATE,
    VALUE,
    DOC_ID,
    PLATE,
    PHONE,
    ID_NUMBER,
    LICENCE,
    WAYBILL,
    ACCOUNT
  }

  private static final Map<String, Target> FIELDS =
      Map.ofEntries(
          Map.entry(Schema.TEXT, Target.TEXT),
          Map.entry("narrative", Target.TEXT),
          Map.entry("案情", Target.TEXT),
          Map.entry("title", Target.TITLE),
          Map.entry("标题", Target.TITLE),
          Map.entry("address", Target.ADDRESS),
          Map.entry("地址", Target.ADDRESS),
          Map.entry("person", Target.PERSON),
          Map.entry("name", Target.PERSON),
          Map.entry("当事人", Target.PERSON),
          Map.entry("姓名", Target.PERSON),
          Map.entry("brand", Target.BRAND),
          Map.entry("品牌", Target.BRAND),
          Map.entry("category", Target.CATEGORY),
          Map.entry("类别", Target.CATEGORY),
          Map.entry("案由", Target.CATEGORY),
          Map.entry("bureau", Target.BUREAU),
          Map.entry("局", Target.BUREAU),
          Map.entry("disposition", Target.DISPOSITION),
          Map.entry("处理", Target.DISPOSITION),
          Map.entry("kind", Target.KIND),
          Map.entry("date", Target.DATE),
          Map.entry("日期", Target.DATE),
          Map.entry("value", Target.VALUE),
          Map.entry("案值", Target.VALUE),
          Map.entry("docid", Target.DOC_ID),
          Map.entry("plate", Target.PLATE),
          Map.entry("车牌", Target.PLATE),
          Map.entry("phone", Target.PHONE),
          Map.entry("电话", Target.PHONE),
          Map.entry("手机", Target.PHONE),
          Map.entry("idno", Target.ID_NUMBER),
          Map.entry("身份证", Target.ID_NUMBER),
          Map.entry("licence", Target.LICENCE),
          Map.entry("license", Target.LICENCE),
          Map.entry("许可证", Target.LICENCE),
          Map.entry("waybill", Target.WAYBILL),
          Map.entry("运单", Target.WAYBILL),
          Map.entry("单号", Target.WAYBILL),
          Map.entry("account", Target.ACCOUNT),
          Map.entry("账号", Target.ACCOUNT),
          Map.entry("卡号", Target.ACCOUNT));

  private final IndexReader reader;
  private final boolean matching;

  private CaseQueryParser(Analyzer analyzer, IndexReader reader, boolean matching) {
    super(Schema.TEXT, analyzer);
    this.reader = reader;
    this.matching = matching;
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
    setDefaultOperator(Operator.AND);
    setAllowLeadingWildcard(false);
  }

  /**
   * Parses {@code query}; {@code reader} supplies the brand vocabulary. With {@code matching} false
   * the query is the one to highlight with: an unquoted brand name is searched in the text like any
   * word, and Han text is a phrase of bigrams only (the highlighter marks {@link Schema#TEXT}).
   *
   * @throws InvalidQueryException with a message for the officer
   */
  public static Query parse(String query, Analyzer analyzer, IndexReader reader, boolean matching) {
    // Officers type full-width colons and brackets (车牌：蒙J…); fold them to the syntax.
    String folded = Fold.fold(query);
    try {
      return new CaseQueryParser(analyzer, reader, matching).parse(folded);
    } catch (ParseException | TokenMgrError e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidQueryException iq) {
          throw iq;
        }
      }
      throw new InvalidQueryException(
          "cannot parse the query (quote values that contain spaces, brackets or '+'): "
              + firstLine(e.getMessage()),
          e);
    }
  }

  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    Target target = target(field);
    String value = text.strip();
    return switch (target) {
      case TEXT -> {
        if (matching && !quoted && isBrand(value)) {
          yield new TermQuery(new Term(Schema.BRAND, value));
        }
        Query bigrams = super.getFieldQuery(Schema.TEXT, text, quoted);
        yield orIdentifier(value, matching ? HanPhrase.query(value, bigrams) : bigrams);
      }
      case TITLE -> super.getFieldQuery(Schema.TITLE, text, quoted);
      case ADDRESS -> super.getFieldQuery(Schema.ADDRESS, text, quoted);
      case PERSON -> new TermQuery(new Term(Schema.PERSON, value));
      case BRAND -> new TermQuery(new Term(Schema.BRAND, value));
      case CATEGORY -> new TermQuery(new Term(Schema.CATEGORY, category(value).name()));
      case BUREAU -> new TermQuery(new Term(Schema.BUREAU, bureau(value)));
      case DISPOSITION -> new TermQuery(new Term(Schema.DISPOSITION, disposition(value).name()));
      case KIND -> new TermQuery(new Term(Schema.KIND, kind(value).name()));
      case DOC_ID -> new TermQuery(new Term(Schema.ID, value));
      case DATE -> dateRange(value, value);
      case VALUE -> LongField.newExactQuery(Schema.VALUE, fen(value));
      default -> identifier(target, value);
    };
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    Target target = target(field);
    boolean openStart = part1 == null || part1.equals("*");
    boolean openEnd = part2 == null || part2.equals("*");
    if (target == Target.DATE) {
      return dateRange(openStart ? null : part1, openEnd ? null : part2);
    }
    if (target == Target.VALUE) {
      long low = openStart ? Long.MIN_VALUE : fen(part1) + (startInclusive ? 0 : 1);
      long high = openEnd ? Long.MAX_VALUE : fen(part2) - (endInclusive ? 0 : 1);
      return LongField.newRangeQuery(Schema.VALUE, low, high);
    }
    throw invalid("ranges are supported on date: and value: only, not on " + field + ":");
  }

  @Override
  protected Query getPrefixQuery(String field, String prefix) throws ParseException {
    Target target = target(field);
    IdentifierType type = identifierType(target);
    if (type == null) {
      throw invalid("prefix search (*) is supported on identifier fields only, e.g. plate:蒙J3K*");
    }
    String compact = Fold.fold(prefix).replaceAll("[\\s·.\\-]", "");
    compact =
        type == IdentifierType.ACCOUNT
            ? compact.toLowerCase(Locale.ROOT)
            : compact.toUpperCase(Locale.ROOT);
    if (compact.length() < 3) {
      throw invalid("an identifier prefix needs at least 3 characters");
    }
    return new PrefixQuery(new Term(Schema.IDENT, type.name() + ":" + compact));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    throw invalid("wildcards are not supported; use a trailing * on an identifier field");
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    throw invalid("fuzzy queries (~) are not supported");
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw invalid("regular expressions are not supported");
  }

  /**
   * {@code text}, or also the identifier when the whole value is one (a plate or phone pasted into
   * the search box is found however the records spell it).
   */
  private static Query orIdentifier(String value, Query text) {
    List<ExtractedEntity> found = EntityExtractor.extract(value);
    if (found.size() != 1 || found.get(0).start() != 0 || found.get(0).end() != value.length()) {
      return text;
    }
    Query id = new TermQuery(new Term(Schema.IDENT, found.get(0).identifier().term()));
    if (text == null) {
      return id;
    }
    return new BooleanQuery.Builder().add(id, Occur.SHOULD).add(text, Occur.SHOULD).build();
  }

  private Query identifier(Target target, String value) throws ParseException {
    IdentifierType type = identifierType(target);
    Identifier id =
        Identifiers.normalise(type, value)
            .orElseThrow(
                () ->
                    invalid("not a valid " + type.name().toLowerCase(Locale.ROOT) + ": " + value));
    return new TermQuery(new Term(Schema.IDENT, id.term()));
  }

  private static IdentifierType identifierType(Target target) {
    return switch (target) {
      case PLATE -> IdentifierType.PLATE;
      case PHONE -> IdentifierType.PHONE;
      case ID_NUMBER -> IdentifierType.ID_NUMBER;
      case LICENCE -> IdentifierType.LICENCE;
      case WAYBILL -> IdentifierType.WAYBILL;
      case ACCOUNT -> IdentifierType.ACCOUNT;
      default -> null;
    };
  }

  private boolean isBrand(String value) {
    try {
      return !value.isEmpty() && reader.docFreq(new Term(Schema.BRAND, value)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Target target(String field) throws ParseException {
    Target t = FIELDS.get(field.toLowerCase(Locale.ROOT));
    if (t == null) {
      throw invalid("unknown field: " + field + ":");
    }
    return t;
  }

  private static CaseCategory category(String value) throws ParseException {
    try {
      return CaseCategory.of(value);
    } catch (IllegalArgumentException e) {
      throw invalid("unknown category: " + value);
    }
  }

  private static String bureau(String value) throws ParseException {
    try {
      return BureauId.of(value).code();
    } catch (IllegalArgumentException e) {
      throw invalid("bureau: takes a six-digit division code, e.g. bureau:150924");
    }
  }

  private static Disposition disposition(String value) throws ParseException {
    for (Disposition d : Disposition.values()) {
      if (d.name().equalsIgnoreCase(value) || d.label().equals(value)) {
        return d;
      }
    }
    throw invalid("unknown disposition: " + value);
  }

  private static SearchDocument.Kind kind(String value) throws ParseException {
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "LEAD", "线索" -> SearchDocument.Kind.LEAD;
      case "CASE", "案件" -> SearchDocument.Kind.CASE;
      default -> throw invalid("kind: is lead or case");
    };
  }

  /** Days from the start of {@code from} to the end of {@code to}: a year, a month or a day. */
  private static Query dateRange(String from, String to) throws ParseException {
    int low = from == null ? Integer.MIN_VALUE : (int) day(from, false).toEpochDay();
    int high = to == null ? Integer.MAX_VALUE : (int) day(to, true).toEpochDay();
    return low > high ? new MatchNoDocsQuery() : IntField.newRangeQuery(Schema.DATE, low, high);
  }

  private static LocalDate day(String s, boolean end) throws ParseException {
    try {
      if (s.matches("\\d{4}")) {
        int y = Integer.parseInt(s);
        return end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
      }
      if (s.matches("\\d{4}-\\d{1,2}")) {
        String[] p = s.split("-");
        YearMonth m = YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        return end ? m.atEndOfMonth() : m.atDay(1);
      }
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw invalid("dates are written 2026, 2026-03 or 2026-03-12, not " + s);
    }
  }

  /** Fen in an amount of 元 written in the query. */
  private static long fen(String yuan) throws ParseException {
    try {
      return io.liaison.api.cases.Fen.ofYuan(yuan);
    } catch (IllegalArgumentException e) {
      throw invalid("value: takes an amount in 元, e.g. value:[50000 TO *]");
    }
  }

  private static ParseException invalid(String message) {
    ParseException e = new ParseException(message);
    e.initCause(new InvalidQueryException(message));
    return e;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
