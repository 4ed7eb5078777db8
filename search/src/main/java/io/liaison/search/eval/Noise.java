package io.liaison.search.eval;

/**
 * How messy the evaluation data is, per mention.
 *
 * @param spelling probability that an identifier is written in another spelling
 * @param typo probability that an identifier is mistyped (one character)
 * @param listed probability that an identifier mentioned in the text is also listed as an entity
 * @param nameVariant probability that a name is written with a homophone character
 * @param missing probability that an associate is mentioned by name only, without identifiers
 * @param duplicate probability that a case also reaches the pool as a lead of another bureau with a
 *     copied narrative
 */
public record Noise(
    double spelling,
    double typo,
    double listed,
    double nameVariant,
    double missing,
    double duplicate) {
  public static final Noise LOW = new Noise(0.3, 0.02, 0.7, 0.02, 0.05, 0.02);
  public static final Noise HIGH = new Noise(0.7, 0.08, 0.4, 0.08, 0.15, 0.04);

  public Noise {
    for (double p : new double[] {spelling, typo, listed, nameVariant, missing, duplicate}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be within 0..1");
      }
    }
  }

  /** {@code low} or {@code high}. */
  public static Noise named(String name) {
    return switch (name) {
      case "low" -> LOW;
      case "high" -> HIGH;
      default -> throw new IllegalArgumentException("noise is low or high, not " + name);
    };
  }
}
