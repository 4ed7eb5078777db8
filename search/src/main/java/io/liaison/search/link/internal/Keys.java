package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;

/**
 * The keys a record is indexed under in the link index, one namespace per kind: identifiers ({@code
 * I:}), reversed long identifiers for one-off scans ({@code R:}), person names ({@code N:}), name
 * with birth date ({@code B:}), addresses ({@code A:}) and salient text ({@code T:}).
 */
public final class Keys {
  public static final String IDENT = "I:";
  public static final String REVERSED = "R:";
  public static final String NAME = "N:";
  public static final String NAME_BIRTH = "B:";
  public static final String ADDRESS = "A:";

  /**
   * An identifier written in an officer's or an outlet's context ({@code Q:PHONE:…}): counted only,
   * never retrieves; while any record holds it, the identifier is over-common everywhere.
   */
  public static final String CONTEXT = "Q:";

  /** A house in a village ({@link Places}), counted in the bands of addresses. */
  public static final String PLACE = "P:";

  public static final String TEXT = "T:";

  private Keys() {}

  public static String ident(IdentifierType type, String value) {
    return IDENT + type.name() + ":" + value;
  }

  public static String reversed(IdentifierType type, String value) {
    return REVERSED + type.name() + ":" + new StringBuilder(value).reverse();
  }

  public static String name(String name) {
    return NAME + name;
  }

  public static String nameBirth(String name, String birth) {
    return NAME_BIRTH + name + "|" + birth;
  }

  public static String address(String address) {
    return ADDRESS + address;
  }

  public static String text(int hash) {
    return TEXT + Integer.toHexString(hash);
  }

  /** The kind of a key: the namespace prefix, e.g. {@code I:}. */
  public static String kind(String key) {
    return key.substring(0, 2);
  }
}
