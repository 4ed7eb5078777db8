package io.liaison.node.domain;

/**
 * What a service says when a request does not take effect, in the domain's words: the thing is not
 * there ({@link NotFound}), it contradicts what is already kept ({@link Conflict}), this bureau or
 * officer may not do it ({@link Refused}), what was asked is not valid ({@link Invalid}, {@link
 * Malformed}), or a part the service needs is not there now ({@link Unavailable}). Services throw
 * these (or fail a Future with them); only the HTTP edge ({@code http.Problems}) turns them into
 * problem documents (RFC 9457) with a status. {@code code} is the problem's type slug, {@code
 * field} the JSON pointer or parameter at fault (or null).
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, Conflict, Refused, Invalid, Malformed, Unavailable {
  private final String code;
  private final String field;

  DomainException(String code, String detail, String field) {
    super(detail, null, false, false);
    this.code = code;
    this.field = field;
  }

  /** The problem type's slug, e.g. {@code not-found}, {@code already-decided}. */
  public String code() {
    return code;
  }

  /** What is wrong, for a person. */
  public String detail() {
    return getMessage();
  }

  /** The field (JSON pointer or parameter) at fault, or null. */
  public String field() {
    return field;
  }
}
