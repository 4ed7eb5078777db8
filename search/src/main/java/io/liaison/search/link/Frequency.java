package io.liaison.search.link;

/**
 * How common a value is in the indexed records (its document frequency), in bands set by {@link
 * LinkOptions}: a specific value counts fully, a common one 0.3 (not enough alone, enough with a
 * specific piece of other evidence), an over-common one (a courier's depot phone, a market's
 * address, 王伟) not at all. Banded rather than continuous so that the links of a set of records do
 * not depend on the order in which they arrived.
 */
public enum Frequency {
  SPECIFIC(1.0),
  COMMON(0.3),
  OVER_COMMON(0.0);

  private final double factor;

  Frequency(double factor) {
    this.factor = factor;
  }

  /** What a piece of evidence on a value of this frequency is worth relative to a specific one. */
  public double factor() {
    return factor;
  }

  /** The worse (more common) of two bands. */
  public Frequency worse(Frequency other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
