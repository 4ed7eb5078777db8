package io.liaison.api.lead;

/** How fast the receiving bureaus should act. */
public enum Urgency {
  ROUTINE,
  PRIORITY,
  URGENT
}
