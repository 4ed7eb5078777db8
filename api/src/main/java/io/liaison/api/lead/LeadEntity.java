package io.liaison.api.lead;

import io.liaison.api.FieldException;

/** One entity named in a lead, as the officer wrote it (normalisation happens in the index). */
public record LeadEntity(EntityType type, String value) {
  public LeadEntity {
    FieldException.required(type, "type");
    value = FieldException.text(value, "value", 200);
  }
}
