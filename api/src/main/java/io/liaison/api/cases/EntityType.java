package io.liaison.api.cases;

/** Kinds of entity named in a case or a lead (one set for both: a lead becomes a case). */
public enum EntityType {
  PERSON,
  ID_NUMBER,
  PHONE,
  PLATE,
  ADDRESS,
  LICENCE,
  WAYBILL,
  ACCOUNT,
  BRAND
}
