package io.liaison.node.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.node.http.StrictBodies.Error;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The shape check of {@link StrictBodies}: whether each value of a JSON tree has the JSON type of
 * the Java type it is read into (a string for a {@code String}, an enum constant's name for an
 * enum, an integer for an {@code int}, an ISO string for a time, an object for a record…), with the
 * expected type in words for the problem document. Reflection over records; no mapping.
 */
final class BodyShapes {
  private BodyShapes() {}

  private static final ClassValue<Optional<Class<?>>> CREATORS =
      new ClassValue<>() {
        @Override
        protected Optional<Class<?>> computeValue(Class<?> type) {
          for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                && m.isAnnotationPresent(JsonCreator.class)
                && m.getParameterCount() == 1) {
              return Optional.of(m.getParameterTypes()[0]);
            }
          }
          return Optional.empty();
        }
      };

  private static final ClassValue<List<RecordComponent>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
          RecordComponent[] all = type.getRecordComponents();
          return all == null ? List.of() : List.of(all);
        }
      };

  private static final ClassValue<Map<String, RecordComponent>> COMPONENTS_BY_NAME =
      new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
          return Collections.unmodifiableMap(
              components(type).stream().collect(Collectors.toMap(BodyShapes::jsonName, c -> c)));
        }
      };

  static Error unknown(String field, Set<String> known) {
    return new Error(
        "unknown-field",
        field,
        "is not a field of this request (known: " + String.join(", ", known) + ")");
  }

  /** Adds an error for every value under {@code node} whose JSON type is not {@code type}'s. */
  static void shape(JsonNode node, Type type, String path, List<Error> errors) {
    Class<?> raw = rawOf(type);
    if (raw == null || raw == Object.class || raw == JsonNode.class) {
      return;
    }
    if (node == null || node.isNull()) {
      if (raw.isPrimitive()) {
        errors.add(wrongType(path, expected(raw, type), node));
      }
      return; // absent or null: the record's own checks decide whether it is required
    }
    if (ObjectNode.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        errors.add(wrongType(path, "an object", node));
      }
      return;
    }
    Class<?> creator = creatorParameter(raw);
    if (creator != null) {
      shape(node, creator, path, errors);
      return;
    }
    if (raw.isEnum()) {
      if (!node.isTextual()) {
        errors.add(wrongType(path, expected(raw, type), node));
      } else if (Arrays.stream(raw.getEnumConstants())
          .noneMatch(c -> ((Enum<?>) c).name().equals(node.textValue()))) {
        errors.add(
            new Error(
                "invalid-field",
                path,
                "must be " + expected(raw, type) + ", not \"" + clip(node.textValue()) + "\""));
      }
      return;
    }
    if (raw == byte[].class) {
      if (!node.isTextual()) {
        errors.add(wrongType(path, "a string (base64)", node));
      }
      return;
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      if (!node.isArray()) {
        errors.add(wrongType(path, "an array", node));
        return;
      }
      Type element = raw.isArray() ? raw.getComponentType() : typeArgument(type, 0);
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isNull()) {
          errors.add(
              new Error(
                  "wrong-type",
                  path + "/" + i,
                  "must be " + expected(rawOf(element), element) + ", not null"));
        } else {
          shape(item, element, path + "/" + i, errors);
        }
      }
      return;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        errors.add(wrongType(path, "an object", node));
        return;
      }
      Type value = typeArgument(type, 1);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        shape(e.getValue(), value, path + "/" + e.getKey(), errors);
      }
      return;
    }
    if (raw.isRecord()) {
      if (!node.isObject()) {
        errors.add(wrongType(path, "an object", node));
        return;
      }
      Map<String, RecordComponent> components = componentsByName(raw);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        RecordComponent c = components.get(e.getKey());
        if (c == null) {
          errors.add(unknown(path + "/" + e.getKey(), components.keySet()));
        } else {
          shape(e.getValue(), c.getGenericType(), path + "/" + e.getKey(), errors);
        }
      }
      return;
    }
    if (!matches(node, raw)) {
      errors.add(wrongType(path, expected(raw, type), node));
    }
  }

  static boolean matches(JsonNode node, Class<?> raw) {
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return node.isTextual();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return node.isBoolean();
    }
    if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
      return node.isIntegralNumber() && node.canConvertToInt();
    }
    if (raw == long.class || raw == Long.class) {
      return node.isIntegralNumber() && node.canConvertToLong();
    }
    if (integral(raw)) {
      return node.isIntegralNumber();
    }
    if (decimal(raw)) {
      return node.isNumber();
    }
    if (raw.getName().startsWith("java.time.") || raw == UUID.class) {
      return node.isTextual();
    }
    return true; // a type this check does not know: Jackson decides
  }

  static boolean integral(Class<?> raw) {
    return raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class
        || raw == BigInteger.class;
  }

  static boolean decimal(Class<?> raw) {
    return raw == double.class
        || raw == Double.class
        || raw == float.class
        || raw == Float.class
        || raw == BigDecimal.class
        || raw == Number.class;
  }

  static Error wrongType(String path, String expected, JsonNode given) {
    return new Error("wrong-type", path, "must be " + expected + ", not " + kind(given));
  }

  /** The expected type in words, as the API description names it. */
  static String expected(Class<?> raw, Type type) {
    if (raw == null) {
      return "a value";
    }
    Class<?> creator = creatorParameter(raw);
    if (creator != null) {
      return expected(creator, creator);
    }
    if (raw.isEnum()) {
      return "one of ["
          + Arrays.stream(raw.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "))
          + "] (a string)";
    }
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return "a string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (integral(raw)) {
      return "an integer";
    }
    if (decimal(raw)) {
      return "a number";
    }
    if (raw == LocalDate.class) {
      return "a date (a string such as 2026-03-12)";
    }
    if (raw.getName().startsWith("java.time.")) {
      return "a time (an ISO-8601 string such as 2026-11-26T13:21:04Z)";
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return "an array";
    }
    return "an object";
  }

  static String kind(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isBoolean()) {
      return "a boolean (" + n.asText() + ")";
    }
    if (n.isIntegralNumber()) {
      return "a number (" + clip(n.asText()) + ")";
    }
    if (n.isNumber()) {
      return "a number with a fraction or exponent (" + clip(n.asText()) + ")";
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A record mapped from a JSON object (not from a single value through a creator). */
  static boolean isObjectRecord(Class<?> type) {
    return type.isRecord() && creatorParameter(type) == null;
  }

  /**
   * The parameter type of a type's single-argument {@code @JsonCreator} factory ({@code BureauId}
   * from a string), or null when it has none.
   */
  static Class<?> creatorParameter(Class<?> type) {
    return CREATORS.get(type).orElse(null);
  }

  /**
   * A record's components in declaration order. Reflection answers a new copy on every call (and
   * {@link #creatorParameter} reads every declared method): the answers are kept per class, as they
   * were most of the CPU of reading a body on the event loop.
   */
  static List<RecordComponent> components(Class<?> record) {
    return COMPONENTS.get(record);
  }

  /** A record's components by their JSON names. */
  static Map<String, RecordComponent> componentsByName(Class<?> record) {
    return COMPONENTS_BY_NAME.get(record);
  }

  static String jsonName(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    if (p == null) {
      p = c.getAnnotation(JsonProperty.class);
    }
    return p != null && !p.value().isEmpty() ? p.value() : c.getName();
  }

  static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType pt && pt.getActualTypeArguments().length > i) {
      Type a = pt.getActualTypeArguments()[i];
      return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
    }
    return Object.class;
  }

  static Class<?> rawOf(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
      return c;
    }
    if (type instanceof WildcardType w) {
      return rawOf(w.getUpperBounds()[0]);
    }
    return null;
  }
}
