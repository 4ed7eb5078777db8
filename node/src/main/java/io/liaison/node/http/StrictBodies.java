package io.liaison.node.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request body (a JSON tree) mapped to its wire type with every error found at once: first the
 * shapes (each field's JSON type against the record's declared type — a number is never taken for a
 * string, {@code true} never for text, a number never for an enum, {@code 1.5e3} never for an
 * integer, and no unknown field), then each record's own validation (its compact constructor,
 * collecting through {@link FieldException#collecting}). Nested records are checked one by one, so
 * an invalid entity and an invalid title are both named. Failures are one {@code 422} problem
 * document: {@code field} the first invalid field, {@code errors} all of them.
 */
public final class StrictBodies {
  private StrictBodies() {}

  /** One invalid field, with the problem type it belongs to. */
  record Error(String kind, String field, String detail) {}

  /**
   * {@code tree} as a {@code type}, or an {@link ApiException} (422) naming every invalid field.
   */
  public static <T> T map(JsonNode tree, Class<T> type) {
    List<Error> errors = new ArrayList<>();
    T value = build(tree, type, "", errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return value;
  }

  static ApiException invalid(List<Error> errors) {
    Error first = errors.get(0);
    String detail =
        errors.size() == 1
            ? label(first.field()) + " " + first.detail()
            : errors.size()
                + " fields are invalid: "
                + errors.stream()
                    .map(e -> label(e.field()) + " " + e.detail())
                    .collect(Collectors.joining("; "));
    return new ApiException(
        new Problem(
            java.net.URI.create(Problem.TYPE_BASE + first.kind()),
            "Invalid content",
            422,
            detail,
            first.field(),
            errors.stream().map(e -> new Problem.FieldError(e.field(), e.detail())).toList()));
  }

  private static String label(String field) {
    return field.isEmpty() ? "the body" : field;
  }

  // --- building: shapes first, then each record's own checks ---------------------------------

  private static <T> T build(JsonNode node, Class<T> type, String path, List<Error> errors) {
    int before = errors.size();
    if (!isObjectRecord(type) || !(node instanceof ObjectNode obj)) {
      shape(node, type, path, errors);
      if (errors.size() > before) {
        return null;
      }
      return construct(node, type, path, Set.of(), errors, before);
    }
    // a record from an object, field by field: a field of the wrong type, an unknown field or an
    // invalid nested record is reported and left out, and the record's own checks still run on
    // the rest, so every invalid field is named at once
    ObjectNode copy = obj.deepCopy();
    Set<String> removed = new HashSet<>();
    Map<String, RecordComponent> components =
        Arrays.stream(type.getRecordComponents())
            .collect(Collectors.toMap(StrictBodies::jsonName, c -> c));
    for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!components.containsKey(name)) {
        errors.add(unknown(path + "/" + name, components.keySet()));
        copy.remove(name);
        removed.add(name);
      }
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String name = jsonName(c);
      JsonNode child = obj.get(name);
      String at = path + "/" + name;
      if (child == null || child.isNull()) {
        if (c.getType().isPrimitive()) {
          errors.add(
              new Error(
                  "invalid-field", at, "is required (" + expected(c.getType(), c.getType()) + ")"));
          removed.add(name);
          placeholder(copy, name, c.getType());
        }
        continue;
      }
      int mark = errors.size();
      shape(child, c.getGenericType(), at, errors);
      boolean ok = errors.size() == mark;
      Class<?> raw = c.getType();
      if (ok && (isObjectRecord(raw) || creatorParameter(raw) != null)) {
        // a nested record, or a value built from one string (BureauId, CaseNumber): on its own
        ok = build(child, raw, at, errors) != null;
      } else if (ok && Collection.class.isAssignableFrom(raw)) {
        Class<?> element = rawOf(typeArgument(c.getGenericType(), 0));
        if (element != null && (isObjectRecord(element) || creatorParameter(element) != null)) {
          for (int i = 0; i < child.size(); i++) {
            ok &= build(child.get(i), element, at + "/" + i, errors) != null;
          }
        }
      }
      if (!ok) {
        copy.remove(name);
        removed.add(name);
        placeholder(copy, name, raw);
      }
    }
    return construct(copy, type, path, removed, errors, before);
  }

  /**
   * A primitive field left out must still be given for the record's own checks to run (a missing
   * primitive fails the whole mapping); the value built is thrown away.
   */
  private static void placeholder(ObjectNode copy, String name, Class<?> type) {
    if (type == boolean.class) {
      copy.put(name, false);
    } else if (type.isPrimitive()) {
      copy.put(name, 0);
    }
  }

  private static Error unknown(String field, Set<String> known) {
    return new Error(
        "unknown-field",
        field,
        "is not a field of this request (known: " + String.join(", ", known) + ")");
  }

  /**
   * The record's own checks on what is left ({@code removed}: fields already reported and left out,
   * not reported again as missing).
   */
  private static <T> T construct(
      JsonNode input,
      Class<T> type,
      String path,
      Set<String> removed,
      List<Error> errors,
      int before) {
    FieldException.Collected<T> built =
        FieldException.collecting(
            () -> {
              try {
                return Json.mapper().treeToValue(input, type);
              } catch (JsonProcessingException e) {
                throw new MappingFailure(e);
              }
            });
    // a field whose nested value was refused (and left out) is not reported again as missing
    for (FieldException fe : built.errors()) {
      if (!removed.contains(fe.field())) {
        errors.add(new Error("invalid-field", path + "/" + fe.field(), fe.getMessage()));
      }
    }
    if (built.failure() != null) {
      Error e = describe(built.failure(), path, type);
      if (e != null) {
        if (removed.stream().noneMatch(r -> e.field().startsWith(path + "/" + r))) {
          errors.add(e);
        }
      } else if (built.errors().isEmpty() && removed.isEmpty()) {
        if (built.failure() instanceof MappingFailure mf) {
          throw new ApiException(Problems.toProblem(mf.getCause(), 400));
        }
        throw built.failure(); // not an invalid field: a fault, answered 500 by the one handler
      }
    }
    return errors.size() > before || !removed.isEmpty() ? null : built.value();
  }

  /** Thrown through the collecting build to carry Jackson's checked exception out. */
  private static final class MappingFailure extends RuntimeException {
    MappingFailure(JsonProcessingException cause) {
      super(cause);
    }
  }

  /** The invalid field a failure of the build names, or null if it names none. */
  private static Error describe(RuntimeException failure, String path, Class<?> type) {
    if (failure instanceof FieldException fe) {
      return new Error("invalid-field", path + "/" + fe.field(), fe.getMessage());
    }
    if (!(failure instanceof MappingFailure mf)) {
      return null;
    }
    Throwable cause = mf.getCause();
    if (!(cause instanceof JsonMappingException jme)) {
      return null;
    }
    String at = path + pointer(jme);
    if (jme instanceof ValueInstantiationException vie) {
      Throwable why = vie.getCause();
      if (why instanceof FieldException fe) {
        // a value built from one string (a creator) names itself: do not name it twice
        String field = at.endsWith("/" + fe.field()) ? at : at + "/" + fe.field();
        return new Error("invalid-field", field, fe.getMessage());
      }
      if (why instanceof NullPointerException npe && isComponent(type, npe.getMessage())) {
        // Objects.requireNonNull(value, "name") in a record that does not use FieldException
        return new Error("invalid-field", at + "/" + npe.getMessage(), "is required");
      }
      if (why instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        // "name must not be blank": a message that starts with a field of the record names it
        String msg = iae.getMessage();
        int space = msg.indexOf(' ');
        if (space > 0 && isComponent(type, msg.substring(0, space))) {
          return new Error(
              "invalid-field", at + "/" + msg.substring(0, space), msg.substring(space + 1));
        }
        return new Error("invalid-field", at, msg);
      }
      return null;
    }
    // a shape the check above let through (should not happen): Jackson's own words
    return new Error("wrong-type", at, "is not valid here: " + jme.getOriginalMessage());
  }

  private static boolean isComponent(Class<?> type, String name) {
    return name != null
        && type.isRecord()
        && Arrays.stream(type.getRecordComponents()).anyMatch(c -> jsonName(c).equals(name));
  }

  private static String pointer(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
        .map(s -> "/" + s)
        .collect(Collectors.joining());
  }

  // --- shapes ---------------------------------------------------------------------------------

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
      Map<String, RecordComponent> components =
          Arrays.stream(raw.getRecordComponents())
              .collect(Collectors.toMap(StrictBodies::jsonName, c -> c));
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

  private static boolean matches(JsonNode node, Class<?> raw) {
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
    if (raw == BigInteger.class) {
      return node.isIntegralNumber();
    }
    if (raw == double.class
        || raw == Double.class
        || raw == float.class
        || raw == Float.class
        || raw == BigDecimal.class
        || raw == Number.class) {
      return node.isNumber();
    }
    if (raw.getName().startsWith("java.time.") || raw == java.util.UUID.class) {
      return node.isTextual();
    }
    return true; // a type this check does not know: Jackson decides
  }

  private static Error wrongType(String path, String expected, JsonNode given) {
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
    if (raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class
        || raw == BigInteger.class) {
      return "an integer";
    }
    if (raw == double.class
        || raw == Double.class
        || raw == float.class
        || raw == Float.class
        || raw == BigDecimal.class
        || raw == Number.class) {
      return "a number";
    }
    if (raw == java.time.LocalDate.class) {
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

  private static String kind(JsonNode n) {
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

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A record mapped from a JSON object (not from a single value through a creator). */
  private static boolean isObjectRecord(Class<?> type) {
    return type.isRecord() && creatorParameter(type) == null;
  }

  /**
   * The parameter type of a type's single-argument {@code @JsonCreator} factory ({@code BureauId}
   * from a string), or null when it has none.
   */
  private static Class<?> creatorParameter(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          && m.isAnnotationPresent(JsonCreator.class)
          && m.getParameterCount() == 1) {
        return m.getParameterTypes()[0];
      }
    }
    return null;
  }

  private static String jsonName(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    if (p == null) {
      p = c.getAnnotation(JsonProperty.class);
    }
    return p != null && !p.value().isEmpty() ? p.value() : c.getName();
  }

  private static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType pt && pt.getActualTypeArguments().length > i) {
      Type a = pt.getActualTypeArguments()[i];
      return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
    }
    return Object.class;
  }

  private static Class<?> rawOf(Type type) {
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
