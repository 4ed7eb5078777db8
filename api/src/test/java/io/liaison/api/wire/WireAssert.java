package io.liaison.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;

/** Comparing a wire record with the map the node built before, as the bytes both serialise to. */
final class WireAssert {
  private WireAssert() {}

  /** {@code record} serialises to exactly the text {@code before} serialises to. */
  static void assertSameJson(Object record, Object before) {
    try {
      assertThat(Json.mapper().writeValueAsString(record))
          .isEqualTo(Json.mapper().writeValueAsString(before));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
