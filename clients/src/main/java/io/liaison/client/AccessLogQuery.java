package io.liaison.client;

/**
 * Which part of the access log to read: entries after the id {@code after} (0 = from the start), at
 * most {@code limit} (the node caps it at 1000), of one officer only or (null) of everyone.
 */
public record AccessLogQuery(long after, int limit, String officer) {
  public AccessLogQuery {
    if (after < 0) {
      throw new IllegalArgumentException("after must be at least 0");
    }
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000");
    }
    officer = officer == null || officer.isBlank() ? null : officer.strip();
  }

  /** The first 200 entries of everyone. */
  public static AccessLogQuery fromStart() {
    return new AccessLogQuery(0, 200, null);
  }
}
