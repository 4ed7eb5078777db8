package io.liaison.api.action;

import io.liaison.api.FieldException;
import io.liaison.api.cases.EntityType;

/**
 * One target of a plan: a person, vehicle, premises, retailer, warehouse or courier point, with an
 * identifier as written (plate, phone, ID number, licence, waybill, account) and/or an address. The
 * node normalises identifiers and addresses for deconfliction; the wire keeps the spelling.
 *
 * @param idType the identifier's type, with {@code id}; both null when there is none
 */
public record PlanTarget(
    TargetKind kind, String label, EntityType idType, String id, String address) {
  public PlanTarget {
    FieldException.required(kind, "kind");
    label = FieldException.text(label, "label", 100);
    id = FieldException.optionalText(id, "id", 100);
    address = FieldException.optionalText(address, "address", 200);
    if ((idType == null) != (id == null)) {
      throw new FieldException("idType", "idType and id go together");
    }
    if (idType == EntityType.ADDRESS || idType == EntityType.BRAND) {
      throw new FieldException("idType", "an address goes in address; a brand is not a target");
    }
  }
}
