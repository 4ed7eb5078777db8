package io.liaison.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void pairwiseAndBCubedOnAHandExample() {
    // truth: {a,b,c} {d,e} f ; predicted: {a,b} {c,d,e} f
    Map<String, String> truth = new HashMap<>();
    truth.put("a", "T1");
    truth.put("b", "T1");
    truth.put("c", "T1");
    truth.put("d", "T2");
    truth.put("e", "T2");
    truth.put("f", null);
    Map<String, String> predicted = Map.of("a", "P1", "b", "P1", "c", "P2", "d", "P2", "e", "P2");
    Metrics m = Metrics.of(truth, predicted);
    assertThat(m.truePairs()).isEqualTo(4);
    assertThat(m.predictedPairs()).isEqualTo(4);
    assertThat(m.correctPairs()).isEqualTo(2); // ab, de
    assertThat(m.pairPrecision()).isEqualTo(0.5);
    assertThat(m.pairRecall()).isEqualTo(0.5);
    // B³ precision: a,b 1; c 1/3; d,e 2/3; f 1 -> (2 + 1/3 + 4/3 + 1) / 6
    assertThat(m.bcubedPrecision()).isCloseTo((2 + 1.0 / 3 + 4.0 / 3 + 1) / 6, offset(1e-12));
    // B³ recall: a,b 2/3; c 1/3; d,e 1; f 1
    assertThat(m.bcubedRecall()).isCloseTo((4.0 / 3 + 1.0 / 3 + 2 + 1) / 6, offset(1e-12));
  }

  @Test
  void perfectPredictionScoresOne() {
    Map<String, String> truth = Map.of("a", "T", "b", "T", "c", "U", "d", "U");
    Metrics m = Metrics.of(truth, Map.of("a", "x", "b", "x", "c", "y", "d", "y"));
    assertThat(m.pairF1()).isEqualTo(1.0);
    assertThat(m.bcubedF1()).isEqualTo(1.0);
  }
}
