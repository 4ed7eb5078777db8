package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.ValueRole;
import java.util.Objects;

/**
 * One normalised identifier of a record with the spelling it was first written in.
 *
 * @param type the identifier type
 * @param value canonical form ({@link io.liaison.search.ident.Identifier#value()})
 * @param valid false when the identifier failed its check digit
 * @param raw the text as written (entity value or the span of the narrative)
 * @param role whose the value is, from the entity's role or the words around it (only {@link
 *     ValueRole#PARTY} and {@link ValueRole#HIRED} values are kept)
 * @param holder the person the record writes the value with ({@link Holders}): a name ({@code 高平慧})
 *     or a surname with the given name left out ({@code 高某}); null when none is written
 */
public record Ident(
    IdentifierType type, String value, boolean valid, String raw, ValueRole role, String holder) {
  public Ident {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(role, "role");
  }

  /** An identifier without a known holder. */
  public Ident(IdentifierType type, String value, boolean valid, String raw, ValueRole role) {
    this(type, value, valid, raw, role, null);
  }

  /** The same identifier with {@code holder}. */
  public Ident withHolder(String holder) {
    return new Ident(type, value, valid, raw, role, holder);
  }

  /** A party's identifier. */
  public Ident(IdentifierType type, String value, boolean valid, String raw) {
    this(type, value, valid, raw, ValueRole.PARTY);
  }

  /** Whether the value only corroborates other evidence (a hired vehicle's plate). */
  public boolean weak() {
    return role != ValueRole.PARTY && role != ValueRole.SUPPLIER;
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
