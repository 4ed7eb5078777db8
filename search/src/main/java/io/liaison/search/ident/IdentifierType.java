package io.liaison.search.ident;

import io.liaison.api.cases.EntityType;
import java.util.Optional;

/** The kinds of entity that have a canonical written form and can be looked up exactly. */
public enum IdentifierType {
  PHONE(EntityType.PHONE),
  PLATE(EntityType.PLATE),
  ID_NUMBER(EntityType.ID_NUMBER),
  LICENCE(EntityType.LICENCE),
  WAYBILL(EntityType.WAYBILL),
  ACCOUNT(EntityType.ACCOUNT);

  private final EntityType entityType;

  IdentifierType(EntityType entityType) {
    this.entityType = entityType;
  }

  /** The wire entity type this identifier type normalises. */
  public EntityType entityType() {
    return entityType;
  }

  /** The identifier type of a wire entity type; empty for persons, addresses and brands. */
  public static Optional<IdentifierType> of(EntityType type) {
    for (IdentifierType t : values()) {
      if (t.entityType == type) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
