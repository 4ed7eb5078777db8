package io.liaison.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Thrown by a wire type's compact constructor when one field is invalid. {@code field} is the
 * field's name relative to the record (e.g. {@code title}); the HTTP layer prefixes the path of the
 * record inside the request to form a JSON pointer.
 *
 * <p>The helpers ({@link #required}, {@link #text}, {@link #optionalText}, {@link #invalid}) can
 * also <em>collect</em> instead of throw, inside {@link #collecting}: a request is then answered
 * with every invalid field at once, not only the first. The value built while collecting is thrown
 * away whenever anything was collected.
 */
public final class FieldException extends IllegalArgumentException {
  private static final ThreadLocal<List<FieldException>> COLLECTED = new ThreadLocal<>();

  private final String field;

  public FieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** What {@link #collecting} returns: the value built, or the invalid fields found. */
  public record Collected<T>(T value, List<FieldException> errors, RuntimeException failure) {
    public boolean valid() {
      return errors.isEmpty() && failure == null;
    }
  }

  /**
   * Runs {@code build} with the helpers collecting: each invalid field is recorded and the build
   * goes on. A failure that ends the build (a field checked without the helpers, or one that could
   * not go on after an earlier invalid field) is returned as {@code failure}.
   */
  public static <T> Collected<T> collecting(Supplier<T> build) {
    List<FieldException> outer = COLLECTED.get();
    List<FieldException> errors = new ArrayList<>();
    COLLECTED.set(errors);
    try {
      T value = build.get();
      return new Collected<>(errors.isEmpty() ? value : null, List.copyOf(errors), null);
    } catch (RuntimeException e) {
      return new Collected<>(null, List.copyOf(errors), e);
    } finally {
      if (outer == null) {
        COLLECTED.remove();
      } else {
        COLLECTED.set(outer);
      }
    }
  }

  /** An invalid field: thrown, or recorded while {@link #collecting}. */
  public static void invalid(String field, String message) {
    FieldException e = new FieldException(field, message);
    List<FieldException> c = COLLECTED.get();
    if (c == null) {
      throw e;
    }
    c.add(e);
  }

  /** Fails with a {@link FieldException} when {@code value} is null. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      invalid(field, "is required");
    }
    return value;
  }

  /** A required string, stripped, between 1 and {@code max} characters (code points). */
  public static String text(String value, String field, int max) {
    if (value == null) {
      invalid(field, "is required");
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      invalid(field, "must not be blank");
    } else if (stripped.codePointCount(0, stripped.length()) > max) {
      invalid(field, "must be at most " + max + " characters");
    }
    return stripped;
  }

  /** An optional string: null stays null, otherwise as {@link #text}. */
  public static String optionalText(String value, String field, int max) {
    return value == null || value.isBlank() ? null : text(value, field, max);
  }
}
