package io.liaison.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.search.analysis.AnalysisComparison.Mode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisComparisonTest {
  static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void bigramsCoverEveryPairOfHanCharacters() throws IOException {
    assertThat(tokens(ChineseAnalyzers.bigram(), "兴和县城关镇"))
        .containsExactly("兴和", "和县", "县城", "城关", "关镇");
    assertThat(tokens(ChineseAnalyzers.bigram(), "蒙Ｊ·３Ｋ５８２的车,ＡＢＣ"))
        .as("full width folded, Latin lower-cased and kept whole")
        .containsExactly("蒙", "j", "3k582", "的车", "abc");
  }

  @Test
  void smartcnSplitsTownNamesDependingOnContext() throws IOException {
    assertThat(tokens(ChineseAnalyzers.words(), "兴和县城关镇")).doesNotContain("城关镇", "城关");
  }

  @Test
  void bigramsFindEveryPhraseThatSmartcnMisses() throws Exception {
    AnalysisComparison.Result r = AnalysisComparison.run(1_000, 7);
    assertThat(r.overall().get(Mode.BIGRAM).recall()).isEqualTo(1.0);
    assertThat(r.overall().get(Mode.SMARTCN).recall()).isLessThan(1.0);
    assertThat(r.byGroup().get("phrase").get(Mode.BIGRAM).precision()).isEqualTo(1.0);
    assertThat(r.docsPerSecond().get(Mode.BIGRAM))
        .isGreaterThan(r.docsPerSecond().get(Mode.SMARTCN));
  }
}
