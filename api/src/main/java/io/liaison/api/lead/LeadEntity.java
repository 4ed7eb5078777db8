package io.liaison.api.lead;

import io.liaison.api.FieldException;
import io.liaison.api.cases.EntityType;

/**
 * One entity named in a lead, as the officer wrote it (normalisation happens in the index).
 *
 * @param role whose it is (当事人, 上家, 驾驶员, 执法人员, 快递网点…; free text), or null (absent on the wire); see
 *     {@link io.liaison.api.cases.Entity#role()}
 */
public record LeadEntity(EntityType type, String value, String role) {
  public LeadEntity {
    FieldException.required(type, "type");
    value = FieldException.text(value, "value", 200);
    role = FieldException.optionalText(role, "role", io.liaison.api.cases.Entity.MAX_ROLE);
  }

  /** An entity without a role. */
  public LeadEntity(EntityType type, String value) {
    this(type, value, null);
  }
}
