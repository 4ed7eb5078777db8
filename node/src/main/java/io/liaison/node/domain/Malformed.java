package io.liaison.node.domain;

/** The request itself cannot be read as asked (a parameter of the wrong form, a bad cursor …). */
public final class Malformed extends DomainException {
  public Malformed(String code, String detail, String field) {
    super(code, detail, field);
  }
}
