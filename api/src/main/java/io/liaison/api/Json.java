package io.liaison.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper of the project. Times are ISO-8601 UTC strings on the wire,
 * absent optional fields are left out, and unknown fields are refused so that a typo in a request
 * is reported rather than silently ignored.
 */
public final class Json {
  /** Nesting deeper than this is refused while parsing (a deeply nested body is an attack). */
  public static final int MAX_NESTING_DEPTH = 32;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          // a repeated key could make two parsers see two different documents under one signature
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(1 << 20)
                .maxNumberLength(64)
                .build());
  }

  private Json() {}

  private static final ObjectMapper LENIENT =
      MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The mapper for reading signed records of other nodes: like {@link #mapper()} but ignoring
   * fields it does not know, so a record written by a newer version of the software (one more
   * optional field) still verifies and reads on an older node. Requests stay strict.
   */
  public static ObjectMapper lenient() {
    return LENIENT;
  }

  /** The shared mapper. Do not reconfigure it; copy it if a variation is needed. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
