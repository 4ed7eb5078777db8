package io.liaison.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
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
            URI.create(Problem.TYPE_BASE + first.kind()),
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
    if (!BodyShapes.isObjectRecord(type) || !(node instanceof ObjectNode obj)) {
      BodyShapes.shape(node, type, path, errors);
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
    Map<String, RecordComponent> components = BodyShapes.componentsByName(type);
    for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!components.containsKey(name)) {
        errors.add(BodyShapes.unknown(path + "/" + name, components.keySet()));
        copy.remove(name);
        removed.add(name);
      }
    }
    for (RecordComponent c : BodyShapes.components(type)) {
      String name = BodyShapes.jsonName(c);
      JsonNode child = obj.get(name);
      String at = path + "/" + name;
      if (child == null || child.isNull()) {
        if (c.getType().isPrimitive()) {
          errors.add(
              new Error(
                  "invalid-field",
                  at,
                  "is required (" + BodyShapes.expected(c.getType(), c.getType()) + ")"));
          removed.add(name);
          placeholder(copy, name, c.getType());
        }
        continue;
      }
      int mark = errors.size();
      BodyShapes.shape(child, c.getGenericType(), at, errors);
      boolean ok = errors.size() == mark;
      Class<?> raw = c.getType();
      if (ok && (BodyShapes.isObjectRecord(raw) || BodyShapes.creatorParameter(raw) != null)) {
        // a nested record, or a value built from one string (BureauId, CaseNumber): on its own
        ok = build(child, raw, at, errors) != null;
      } else if (ok && Collection.class.isAssignableFrom(raw)) {
        Class<?> element = BodyShapes.rawOf(BodyShapes.typeArgument(c.getGenericType(), 0));
        if (element != null
            && (BodyShapes.isObjectRecord(element)
                || BodyShapes.creatorParameter(element) != null)) {
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
    return name != null && type.isRecord() && BodyShapes.componentsByName(type).containsKey(name);
  }

  private static String pointer(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
        .map(s -> "/" + s)
        .collect(Collectors.joining());
  }
}
