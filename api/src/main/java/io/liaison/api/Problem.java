package io.liaison.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code type} is stable and
 * machine-readable; {@code title} is for people; {@code field} names the offending input field
 * (JSON pointer style, e.g. {@code /entities/0/value}) when there is one; {@code errors} lists
 * every invalid field of a request at once ({@code field} is then the first of them).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String field, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://liaison.example/problems/";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(String slug, String title, int status, String detail, String field) {
    return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, field, List.of());
  }

  /**
   * One invalid field of a request: {@code field} a JSON pointer into the body (or a parameter or
   * header name), {@code detail} what is wrong with it (e.g. {@code must be a string}).
   */
  public record FieldError(String field, String detail) {}
}
