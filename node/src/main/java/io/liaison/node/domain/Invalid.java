package io.liaison.node.domain;

/** What was asked is well formed but not valid (a field out of range, a wrong bureau …). */
public final class Invalid extends DomainException {
  public Invalid(String code, String detail, String field) {
    super(code, detail, field);
  }
}
