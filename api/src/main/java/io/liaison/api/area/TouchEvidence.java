package io.liaison.api.area;

/**
 * One reason a shared record touches a bureau's area.
 *
 * @param kind what matched
 * @param value the value of the area that matched (a place name, a plate prefix, a region code)
 * @param found the text in the record that matched (the place as written, the whole plate …)
 * @param where where in the record: {@code title}, {@code narrative}, {@code address} or {@code
 *     entities/<i>} (the record's i-th entity)
 */
public record TouchEvidence(Kind kind, String value, String found, String where) {
  /** What in the area matched. */
  public enum Kind {
    PLACE,
    PLATE,
    LICENCE,
    ID_NUMBER
  }
}
