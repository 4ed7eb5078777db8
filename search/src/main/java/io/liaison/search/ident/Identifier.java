package io.liaison.search.ident;

import java.util.Objects;

/**
 * An identifier in canonical form: every spelling of the same phone, plate, ID number, licence,
 * waybill or account has the same {@code value}. {@code valid} is false when the identifier has the
 * right shape but fails its check (an ID number's GB 11643 check digit or birth date, a bank card's
 * Luhn digit): it is kept, flagged, and equal only to the same mistyped value.
 */
public record Identifier(IdentifierType type, String value, boolean valid) {
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty identifier");
    }
  }

  /** The index term: the type and the canonical value, e.g. {@code PLATE:蒙J3K582}. */
  public String term() {
    return type.name() + ":" + value;
  }

  @Override
  public String toString() {
    return valid ? term() : term() + "(invalid)";
  }
}
