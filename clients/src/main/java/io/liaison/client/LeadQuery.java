package io.liaison.client;

import io.liaison.api.BureauId;

/**
 * Which page of leads to list: optionally only those posted by {@code bureau}, at most {@code
 * limit} (the node caps it), starting after {@code cursor} (the {@code next} of the previous page).
 */
public record LeadQuery(BureauId bureau, int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 20;

  public LeadQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
  }

  /** The newest {@value #DEFAULT_LIMIT} leads of every bureau. */
  public static LeadQuery newest() {
    return new LeadQuery(null, DEFAULT_LIMIT, null);
  }

  public LeadQuery withBureau(BureauId b) {
    return new LeadQuery(b, limit, cursor);
  }

  public LeadQuery withLimit(int n) {
    return new LeadQuery(bureau, n, cursor);
  }

  public LeadQuery after(String nextCursor) {
    return new LeadQuery(bureau, limit, nextCursor);
  }
}
