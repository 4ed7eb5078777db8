package io.liaison.api;

/**
 * Thrown by a wire type's compact constructor when one field is invalid. {@code field} is the
 * field's name relative to the record (e.g. {@code title}); the HTTP layer prefixes the path of the
 * record inside the request to form a JSON pointer.
 */
public final class FieldException extends IllegalArgumentException {
  private final String field;

  public FieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** Fails with a {@link FieldException} when {@code value} is null. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new FieldException(field, "is required");
    }
    return value;
  }

  /** A required string, stripped, between 1 and {@code max} characters (code points). */
  public static String text(String value, String field, int max) {
    required(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new FieldException(field, "must not be blank");
    }
    if (stripped.codePointCount(0, stripped.length()) > max) {
      throw new FieldException(field, "must be at most " + max + " characters");
    }
    return stripped;
  }

  /** An optional string: null stays null, otherwise as {@link #text}. */
  public static String optionalText(String value, String field, int max) {
    return value == null || value.isBlank() ? null : text(value, field, max);
  }
}
