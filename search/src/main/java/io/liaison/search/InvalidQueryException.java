package io.liaison.search;

/**
 * The query string or a request parameter cannot be understood (unknown field, malformed syntax, a
 * value that is not a valid plate, …). The message says what and is safe to show to the officer.
 */
public final class InvalidQueryException extends IllegalArgumentException {
  public InvalidQueryException(String message) {
    super(message);
  }

  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
