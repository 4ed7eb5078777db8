package io.liaison.node.domain;

/**
 * This bureau or officer may not do what was asked. {@code reason} says why in a few words (it
 * becomes the problem's title, e.g. {@code Not permitted}).
 */
public final class Refused extends DomainException {
  private final String reason;

  public Refused(String code, String reason, String detail) {
    this(code, reason, detail, null);
  }

  public Refused(String code, String reason, String detail, String field) {
    super(code, detail, field);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
