package io.liaison.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.liaison.api.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * The JSON Canonicalization Scheme, RFC 8785 (JCS): object members sorted by the UTF-16 code units
 * of their names, no white space, numbers serialised like ECMAScript's {@code
 * Number.prototype.toString} (via the ES6 number formatter of {@code
 * io.github.erdtman:java-json-canonicalization}), strings with the minimal escaping of RFC 8785
 * §3.2.2.2, output in UTF-8.
 *
 * <p>Input that JCS cannot represent faithfully is refused with {@link IllegalArgumentException}:
 * NaN or infinite numbers, integers beyond ±2<sup>53</sup> (they would silently change value in the
 * IEEE-754 double that JCS prescribes, so a signature would cover a different number than the
 * reader sees — put such values in strings), lone surrogates, duplicate member names, and non-JSON
 * node types (binary, POJO).
 */
public final class CanonicalJson {
  private static final ObjectReader STRICT_READER =
      Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** 2^53: every integer up to it in magnitude is exact in an IEEE-754 double. */
  private static final long EXACT = 1L << 53;

  private CanonicalJson() {}

  /** Canonical UTF-8 bytes of a JSON tree. */
  public static byte[] canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses JSON text (duplicate member names refused) and returns its canonical UTF-8 bytes. */
  public static byte[] canonicalize(String json) {
    return canonicalize(parse(json));
  }

  /** Parses with duplicate-name detection; the reader every verifier of signed JSON should use. */
  public static JsonNode parse(String json) {
    try {
      return STRICT_READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Like {@link #parse(String)}, from UTF-8 bytes. */
  public static JsonNode parse(byte[] utf8) {
    try {
      return STRICT_READER.readTree(utf8);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null) {
      throw new IllegalArgumentException("null node");
    }
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonNode element : node) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(element, out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default ->
          throw new IllegalArgumentException(
              "JSON canonicalization does not support node type " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      members.add(it.next());
    }
    // String.compareTo compares UTF-16 code units, which is exactly the RFC 8785 order.
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(members.get(i).getKey(), out);
      out.append(':');
      write(members.get(i).getValue(), out);
    }
    out.append('}');
  }

  private static String number(JsonNode node) {
    double value;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      if (v >= -EXACT && v <= EXACT) {
        // exact in a double, and ECMAScript writes such an integer as its plain digits
        return Long.toString(v);
      }
    }
    if (node.isIntegralNumber()) {
      // Accept an integer only if it is written exactly as its canonical form reads, so that no
      // two integers that a reader tells apart share one canonical form (and one signature).
      BigInteger integer = node.bigIntegerValue();
      value = integer.doubleValue();
      if (Double.isFinite(value)
          && new BigDecimal(serialize(value)).compareTo(new BigDecimal(integer)) != 0) {
        throw new IllegalArgumentException(
            "integer " + integer + " is not exactly representable; send it as a string");
      }
    } else {
      value = node.doubleValue();
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("NaN and infinite numbers are not JSON");
    }
    return serialize(value);
  }

  private static String serialize(double value) {
    try {
      return NumberToJSON.serializeNumber(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("number cannot be serialised: " + e.getMessage(), e);
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    // characters written as they are go over in runs, not one by one
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      out.append(s, run, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(hex(c >> 4)).append(hex(c & 0xf));
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new IllegalArgumentException("lone surrogate in string");
            }
            out.append(c).append(s.charAt(++i));
          } else {
            throw new IllegalArgumentException("lone surrogate in string");
          }
        }
      }
      run = i + 1;
    }
    out.append(s, run, s.length());
    out.append('"');
  }

  private static char hex(int nibble) {
    return Character.forDigit(nibble, 16);
  }
}
