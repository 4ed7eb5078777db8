package io.liaison.node.domain;

/**
 * A part the service needs is not there now (the grid, a cluster majority, the store); the request
 * may succeed later. {@code what} names it in a few words (the problem's title, e.g. {@code Grid
 * not available}).
 */
public final class Unavailable extends DomainException {
  private final String what;

  public Unavailable(String code, String what, String detail) {
    super(code, detail, null);
    this.what = what;
  }

  /** 503 unavailable: "Service unavailable". */
  public Unavailable(String detail) {
    this("unavailable", "Service unavailable", detail);
  }

  public String what() {
    return what;
  }
}
