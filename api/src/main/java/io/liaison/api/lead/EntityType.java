package io.liaison.api.lead;

/** Kinds of entity named in a lead. */
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
