package io.liaison.node.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A keyset paging position: posted-at millis and id of the last item returned. */
public record Cursor(long postedAtMillis, String id) {
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((postedAtMillis + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor; an invalid one is an {@link IllegalArgumentException}. */
  public static Cursor decode(String s) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not valid");
    }
    int colon = raw.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("cursor is not valid");
    }
    try {
      return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor is not valid");
    }
  }
}
