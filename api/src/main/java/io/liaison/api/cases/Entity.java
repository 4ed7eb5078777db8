package io.liaison.api.cases;

import io.liaison.api.FieldException;

/**
 * One entity named in a case, as the officer wrote it ({@code 蒙J·3K582}, {@code 138 1234 5678});
 * the index normalises it, the wire keeps the original spelling.
 */
public record Entity(EntityType type, String value) {
  public static final int MAX_VALUE = 200;

  public Entity {
    FieldException.required(type, "type");
    value = FieldException.text(value, "value", MAX_VALUE);
  }
}
