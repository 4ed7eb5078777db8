package io.liaison.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The put-back's putIfAbsent: never overwrites, and says what it found. */
class PutIfAbsentProcessorTest {
  @Test
  void putsOnlyWhereNothingIsAndAnswersWithWhatWasThere() {
    Map.Entry<String, String> empty = new AbstractMap.SimpleEntry<>("L1", null);
    assertThat(new PutIfAbsentProcessor("v1").process(empty)).isNull();
    assertThat(empty.getValue()).isEqualTo("v1");

    assertThat(new PutIfAbsentProcessor("v1").process(empty)).isEqualTo(PutIfAbsentProcessor.SAME);
    assertThat(new PutIfAbsentProcessor("older").process(empty)).isEqualTo("v1");
    assertThat(empty.getValue()).as("not overwritten").isEqualTo("v1");
  }
}
