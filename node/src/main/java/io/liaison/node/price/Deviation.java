package io.liaison.node.price;

import io.liaison.api.cases.Fen;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of 明码实价, exact: deviation = charged − agreed in 元 (two decimals), and as a
 * percentage of the agreed price (two decimals, half up); compliant when the tag shows what is
 * charged and the charge lies within the tolerance of the agreement.
 */
public final class Deviation {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Deviation() {}

  public static BigDecimal yuan(long saleFen, long agreedFen) {
    return Fen.toYuan(saleFen - agreedFen);
  }

  public static BigDecimal percent(long saleFen, long agreedFen) {
    return BigDecimal.valueOf(saleFen - agreedFen)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(agreedFen), 2, RoundingMode.HALF_UP);
  }

  public static boolean compliant(long markedFen, long saleFen, long agreedFen, long toleranceFen) {
    return markedFen == saleFen && Math.abs(saleFen - agreedFen) <= toleranceFen;
  }

  /** {@code part / whole × 100} with two decimals (half up); null when {@code whole} is 0. */
  public static BigDecimal rate(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  /** Mean of {@code sumFen / count} in 元, two decimals half up; null when count is 0. */
  public static BigDecimal meanYuan(long sumFen, long count) {
    if (count == 0) {
      return null;
    }
    return BigDecimal.valueOf(sumFen)
        .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
        .movePointLeft(2)
        .setScale(2, RoundingMode.UNNECESSARY);
  }
}
