package io.liaison.node.domain;

/** The thing asked for is not there (or not readable by this bureau). */
public final class NotFound extends DomainException {
  public NotFound(String detail) {
    super("not-found", detail, null);
  }
}
