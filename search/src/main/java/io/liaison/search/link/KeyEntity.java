package io.liaison.search.link;

import io.liaison.api.cases.EntityType;
import java.util.Objects;

/**
 * An entity that ties a network together: a value that counted as evidence in its links.
 *
 * @param type PERSON, PHONE, PLATE…; null for shared narrative text
 * @param value the normalised value
 * @param members how many members of the network it ties
 */
public record KeyEntity(EntityType type, String value, int members) {
  public KeyEntity {
    Objects.requireNonNull(value, "value");
  }
}
