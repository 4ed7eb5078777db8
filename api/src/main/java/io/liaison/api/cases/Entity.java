package io.liaison.api.cases;

import io.liaison.api.FieldException;

/**
 * One entity named in a case, as the officer wrote it ({@code 蒙J·3K582}, {@code 138 1234 5678});
 * the index normalises it, the wire keeps the original spelling.
 *
 * @param type what the value is
 * @param value the value as written
 * @param role whose it is, as the case file says (当事人, 上家, 驾驶员, 寄件人, 收件人, 执法人员, 快递网点, 存放地点…; free
 *     text), or null (absent on the wire) when not given. The link engine reads it: an officer's or
 *     a courier outlet's value is never evidence of a network.
 */
public record Entity(EntityType type, String value, String role) {
  public static final int MAX_VALUE = 200;
  public static final int MAX_ROLE = 40;

  public Entity {
    FieldException.required(type, "type");
    value = FieldException.text(value, "value", MAX_VALUE);
    role = FieldException.optionalText(role, "role", MAX_ROLE);
  }

  /** An entity without a role. */
  public Entity(EntityType type, String value) {
    this(type, value, null);
  }
}
