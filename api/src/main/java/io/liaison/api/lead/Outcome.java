package io.liaison.api.lead;

/** How a closed lead ended. */
public enum Outcome {
  /** A case was opened (立案); needs {@code caseNumber}. */
  CASE_OPENED,
  /** Checked and unfounded (查无实据). */
  UNFOUNDED,
  /** Merged into another lead or case (并案); needs {@code mergedInto}. */
  MERGED,
  /** Transferred to the police (移送公安); {@code caseNumber} if known. */
  TRANSFERRED_TO_POLICE
}
