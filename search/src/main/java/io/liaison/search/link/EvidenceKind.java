package io.liaison.search.link;

/** How two records match on one piece of evidence. */
public enum EvidenceKind {
  /** The same identifier written the same way. */
  IDENTICAL,
  /** The same identifier written differently (full-width, spaces, dashes, case, +86…). */
  NORMALISED_EQUAL,
  /** Long identifiers one substitution or one swap of neighbours apart (a typo). */
  ONE_OFF,
  /**
   * A number written with most digits left out — a mobile masked in the middle (138****5678) or a
   * bank card by its last four digits (尾号5678) — that fits the other record's full number.
   * Corroborates only.
   */
  MASKED_MATCH,
  /** The same person name. */
  SAME_NAME,
  /**
   * The persons written with two near-miss identifiers (a phone one digit off) agree: the same
   * surname where one of them leaves the given name out (高某某 / 高平慧). Corroborates the near miss.
   */
  SAME_HOLDER,
  /** A name written with one character different or two swapped (王海军 / 王海君). */
  NAME_VARIANT,
  /** The same name with the same birth date taken from the ID number written next to it. */
  SAME_NAME_AND_BIRTH,
  /** The same address. */
  SAME_ADDRESS,
  /**
   * Narratives that are nearly the same text (a lead and the case made of it), sharing a salient
   * passage: similar wording alone is the officers' template.
   */
  NEAR_DUPLICATE_TEXT,
  /** Narratives that share much wording, short of a near duplicate; shown, not counted. */
  SIMILAR_TEXT,
  /** A brand seized in both; context, never counted. */
  SHARED_BRAND
}
