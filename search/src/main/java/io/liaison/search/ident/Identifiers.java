package io.liaison.search.ident;

import java.util.Objects;
import java.util.Optional;

/**
 * Canonical forms of identifiers as officers and suspects write them. Every normaliser takes text
 * as written (full-width forms, spaces, dashes, middle dots, labels such as {@code 手机:}) and
 * returns the canonical identifier, or empty when the text is not an identifier of that type.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * The canonical form of {@code raw} read as an identifier of {@code type}; empty when it is not
   * one.
   */
  public static Optional<Identifier> normalise(IdentifierType type, String raw) {
    Objects.requireNonNull(type, "type");
    if (raw == null || raw.isBlank() || raw.length() > 200) {
      return Optional.empty();
    }
    return switch (type) {
      case PHONE -> PhoneNumbers.normalise(raw);
      case PLATE -> Plates.normalise(raw);
      case ID_NUMBER -> IdNumbers.normalise(raw);
      case LICENCE -> Licences.normalise(raw);
      case WAYBILL -> Waybills.normalise(raw);
      case ACCOUNT -> Accounts.normalise(raw);
    };
  }
}
