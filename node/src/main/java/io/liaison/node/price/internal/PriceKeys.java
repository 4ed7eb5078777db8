package io.liaison.node.price.internal;

import io.liaison.api.BureauId;

/**
 * Keys of price records (the store id and the grid key are the same): {@code price:<type>:<name>},
 * where the name starts with the owning bureau's code ({@code price:group:150924-CG01}, {@code
 * price:agreement:150924-CG01}, {@code price:settings:150924}, {@code price:check:140222-…}, {@code
 * price:meeting:140222-…}).
 */
public final class PriceKeys {
  /** The store kind of every price record. */
  public static final String KIND = "price";

  public static final String GROUP = "group";
  public static final String AGREEMENT = "agreement";
  public static final String SETTINGS = "settings";
  public static final String CHECK = "check";
  public static final String MEETING = "meeting";

  private PriceKeys() {}

  public static String of(String type, String name) {
    return KIND + ":" + type + ":" + name;
  }

  /** The type part of a key ({@code group}, {@code check}…). */
  public static String type(String key) {
    String[] p = key.split(":", 3);
    if (p.length != 3 || !p[0].equals(KIND)) {
      throw new IllegalArgumentException("not a price key: " + key);
    }
    return p[1];
  }

  /** The name part of a key. */
  public static String name(String key) {
    type(key);
    return key.split(":", 3)[2];
  }

  /** The bureau that owns (and alone signs) the record under {@code key}. */
  public static BureauId owner(String key) {
    String n = name(key);
    return BureauId.of(n.length() >= 6 ? n.substring(0, 6) : n);
  }
}
