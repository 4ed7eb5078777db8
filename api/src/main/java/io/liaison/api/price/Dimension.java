package io.liaison.api.price;

/** What compliance figures are grouped by. */
public enum Dimension {
  COUNTY,
  GROUP,
  BRAND,
  MONTH,
  QUARTER
}
