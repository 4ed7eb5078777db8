package io.liaison.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis chains for Chinese text. The index uses {@link #bigram()} for narratives, titles and
 * addresses; {@link #words()} (smartcn) is kept for the comparison that justified the choice (see
 * docs/search.md).
 */
public final class ChineseAnalyzers {
  private ChineseAnalyzers() {}

  /**
   * Overlapping CJK bigrams: {@code 城关镇} is indexed as {@code 城关 关镇}, so any phrase of two or more
   * Han characters is found wherever it occurs, whatever a dictionary would say about word
   * boundaries. Full-width Latin letters and digits are folded to half-width, Latin is lower-cased
   * and kept whole. A lone Han character between punctuation is kept as a unigram.
   */
  public static Analyzer bigram() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new CJKBigramFilter(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
      }
    };
  }

  /**
   * Han trigrams: every three consecutive Han characters of a run of Han characters ({@code 查获准运证}
   * gives {@code 查获准 获准运 准运证}); anything else breaks a run and gives no token. The index keeps
   * these without positions: a three-character query is one term, and a longer one needs the
   * (rarer) trigrams it contains before its bigram phrase is checked.
   */
  public static Analyzer hanTrigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(
            new NGramTokenizer(3, 3) {
              @Override
              protected boolean isTokenChar(int c) {
                return isHan(c);
              }
            });
      }
    };
  }

  /** Whether {@code codePoint} is a Han character (the characters {@link #hanTrigrams()} joins). */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** smartcn dictionary/HMM word segmentation with its default punctuation stop set. */
  public static Analyzer words() {
    return new SmartChineseAnalyzer();
  }
}
