package io.liaison.search.internal;

import io.liaison.search.analysis.ChineseAnalyzers;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Free text of three or more Han characters, matched through the trigram field {@link
 * Schema#TEXT3}. Three characters are one trigram term: exactly the records that contain them, and
 * scored by how often. Longer text needs the trigrams that cover it (scored) and its bigram phrase
 * as a filter: the phrase keeps the match exact but only has to find one occurrence in the few
 * records that have every trigram, instead of counting every occurrence in every record for the
 * score. Other text (shorter, or with Latin, digits or punctuation) stays a bigram phrase.
 */
final class HanPhrase {
  private static final int N = 3;

  private HanPhrase() {}

  /** The query for {@code value}, whose bigram phrase is {@code bigrams}. */
  static Query query(String value, Query bigrams) {
    int[] chars = value.codePoints().toArray();
    if (bigrams == null
        || chars.length < N
        || !value.codePoints().allMatch(ChineseAnalyzers::isHan)) {
      return bigrams;
    }
    if (chars.length == N) {
      return trigram(chars, 0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // Trigrams side by side, the last one ending at the end: each character covered once or twice.
    for (int start = 0; ; start = Math.min(start + N, chars.length - N)) {
      b.add(trigram(chars, start), Occur.MUST);
      if (start == chars.length - N) {
        break;
      }
    }
    b.add(bigrams, Occur.FILTER);
    return b.build();
  }

  private static Query trigram(int[] chars, int start) {
    return new TermQuery(new Term(Schema.TEXT3, new String(chars, start, N)));
  }
}
