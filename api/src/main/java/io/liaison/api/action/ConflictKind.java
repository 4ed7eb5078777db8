package io.liaison.api.action;

/** What two operations (or an operation and a bureau's open work) share. */
public enum ConflictKind {
  /** The same target (normalised identifier, person or address) in two plans. */
  TARGET,
  /** The same place in overlapping time windows. */
  PLACE_TIME,
  /** A plan's target is under another bureau's open lead or case. */
  OPEN_RECORD
}
