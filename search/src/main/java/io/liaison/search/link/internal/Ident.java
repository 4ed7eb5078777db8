package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;
import java.util.Objects;

/**
 * One normalised identifier of a record with the spelling it was first written in.
 *
 * @param type the identifier type
 * @param value canonical form ({@link io.liaison.search.ident.Identifier#value()})
 * @param valid false when the identifier failed its check digit
 * @param raw the text as written (entity value or the span of the narrative)
 */
public record Ident(IdentifierType type, String value, boolean valid, String raw) {
  public Ident {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }

  /** The key of the identifier in the link index, e.g. {@code I:PHONE:13812345678}. */
  public String key() {
    return Keys.ident(type, value);
  }

  /** Whether the identifier is long enough for a one-character difference to mean a typo. */
  public boolean longEnough() {
    return OneOff.split(type, value.length()) != null;
  }
}
