package io.liaison.node.domain;

/**
 * The request contradicts what is already kept (decided once, already shared, a newer version, a
 * state the lifecycle does not leave that way). {@code reason} says so in a few words (the
 * problem's title; {@code Conflict} unless given).
 */
public final class Conflict extends DomainException {
  private final String reason;

  public Conflict(String code, String detail) {
    this(code, "Conflict", detail);
  }

  public Conflict(String code, String reason, String detail) {
    this(code, reason, detail, null);
  }

  /** A conflict that a field of the request settles (named in the problem). */
  public Conflict(String code, String reason, String detail, String field) {
    super(code, detail, field);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
