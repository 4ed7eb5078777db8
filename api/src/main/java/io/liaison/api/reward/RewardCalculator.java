package io.liaison.api.reward;

/**
 * Turns a sharing rule and a case's figures into shares, in whole fen. No fen is made or lost by
 * rounding: a split among payees uses largest remainders, so the parts always sum to the total.
 */
public final class RewardCalculator {
  /** The most payees {@link #apportion} takes, and the largest weight. */
  public static final int MAX_PARTS = 1_000;

  public static final int MAX_WEIGHT = 1_000_000;

  private RewardCalculator() {}

  /**
   * The shares for one case.
   *
   * @param fromInformant whether the case came from an informant's report (else no informant
   *     reward)
   */
  public static RewardShares shares(SharingRule rule, CaseFigures figures, boolean fromInformant) {
    long informant = fromInformant ? informantFen(rule, figures) : 0;
    long[] split =
        apportion(
            figures.bureauRewardFen(),
            new int[] {rule.leadBureauPercent(), 100 - rule.leadBureauPercent()});
    return new RewardShares(rule.version(), informant, split[0], split[1]);
  }

  /** min(cap, ⌊base × basis points / 10,000⌋). */
  public static long informantFen(SharingRule rule, CaseFigures figures) {
    long base =
        rule.informantBase() == RewardBase.FINE ? figures.fineFen() : figures.caseValueFen();
    long raw = Math.multiplyExact(base, (long) rule.informantBasisPoints()) / 10_000L;
    return Math.min(raw, rule.informantCapFen());
  }

  /**
   * Splits {@code total} fen in proportion to {@code weights} (largest remainder, Hamilton): each
   * part gets the floor of its exact share, and the fen left over go one each to the parts with the
   * largest remainders, the earlier part first on a tie. The parts sum to {@code total} exactly and
   * each differs from its exact share by less than one fen.
   *
   * @throws IllegalArgumentException for a negative total, no weights, a weight outside 0..{@link
   *     #MAX_WEIGHT}, all weights 0 with a total above 0, or more than {@link #MAX_PARTS}
   */
  public static long[] apportion(long total, int[] weights) {
    if (total < 0 || total > SharingRule.MAX_FEN) {
      throw new IllegalArgumentException("total must be 0.." + SharingRule.MAX_FEN + " fen");
    }
    if (weights.length == 0 || weights.length > MAX_PARTS) {
      throw new IllegalArgumentException("1.." + MAX_PARTS + " weights");
    }
    long sum = 0;
    for (int w : weights) {
      if (w < 0 || w > MAX_WEIGHT) {
        throw new IllegalArgumentException("each weight must be 0.." + MAX_WEIGHT);
      }
      sum += w;
    }
    long[] parts = new long[weights.length];
    if (sum == 0) {
      if (total != 0) {
        throw new IllegalArgumentException("all weights are 0 and there is something to split");
      }
      return parts;
    }
    long[] remainders = new long[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      long exact = total * weights[i]; // ≤ 1e11 × 1e6: fits a long
      parts[i] = exact / sum;
      remainders[i] = exact % sum;
      given += parts[i];
    }
    long left = total - given; // < number of parts
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < weights.length; i++) {
        if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = -1;
      left--;
    }
    return parts;
  }
}
