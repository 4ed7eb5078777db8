package io.liaison.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper of the project. Times are ISO-8601 UTC strings on the wire,
 * absent optional fields are left out, and unknown fields are refused so that a typo in a request
 * is reported rather than silently ignored. Scalars are never coerced: a number or boolean is not
 * read as text, text not as a number, a number not as an enum or a time.
 */
public final class Json {
  /** Nesting deeper than this is refused while parsing (a deeply nested body is an attack). */
  public static final int MAX_NESTING_DEPTH = 32;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(timesFromTextOnly())
          // a repeated key could make two parsers see two different documents under one signature
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // a value of the wrong JSON type is refused, never converted: "title": 42 is not the
          // text "42", true is not "true", 1.5e3 is not an integer, 1 is not an enum constant, a
          // number is not a time (a signed record is forever, every bureau takes it as signed)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.DateTime,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
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

  /**
   * Times and dates are ISO-8601 strings on the wire; the time module would also take a number
   * (epoch seconds), which the coercion settings do not cover: refused here.
   */
  private static com.fasterxml.jackson.databind.Module timesFromTextOnly() {
    com.fasterxml.jackson.databind.module.SimpleModule m =
        new com.fasterxml.jackson.databind.module.SimpleModule("liaison-times-from-text");
    m.setDeserializerModifier(
        new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
          @Override
          public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyDeserializer(
              com.fasterxml.jackson.databind.DeserializationConfig config,
              com.fasterxml.jackson.databind.BeanDescription desc,
              com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
            return java.time.temporal.TemporalAccessor.class.isAssignableFrom(desc.getBeanClass())
                ? new TextOnly(deserializer)
                : deserializer;
          }
        });
    return m;
  }

  /** A deserializer that refuses numbers before its delegate sees them. */
  private static final class TextOnly
      extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
    TextOnly(com.fasterxml.jackson.databind.JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
        com.fasterxml.jackson.databind.JsonDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(
        com.fasterxml.jackson.core.JsonParser p,
        com.fasterxml.jackson.databind.DeserializationContext ctxt)
        throws java.io.IOException {
      if (p.currentToken() != null && p.currentToken().isNumeric()) {
        return ctxt.handleUnexpectedToken(handledType(), p);
      }
      return super.deserialize(p, ctxt);
    }
  }

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
