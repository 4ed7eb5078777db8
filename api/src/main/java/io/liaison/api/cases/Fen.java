package io.liaison.api.cases;

import io.liaison.api.FieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is kept in fen (分, {@code long}); officers read and write 元. Conversion happens here. */
public final class Fen {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Fen() {}

  /**
   * Fen in an amount of 元 written as a decimal ({@code 12345.6}, {@code 450}); more than two
   * decimal places is refused rather than rounded.
   */
  public static long ofYuan(String yuan) {
    FieldException.required(yuan, "yuan");
    try {
      return ofYuan(new BigDecimal(yuan.strip().replace(",", "")));
    } catch (NumberFormatException e) {
      throw new FieldException("yuan", "not an amount: " + yuan);
    }
  }

  /** Fen in {@code yuan}; more than two decimal places is refused. */
  public static long ofYuan(BigDecimal yuan) {
    try {
      return yuan.multiply(HUNDRED).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new FieldException("yuan", "at most two decimal places and within range: " + yuan);
    }
  }

  /** The amount in 元 with two decimals, e.g. {@code 13500.00}. */
  public static BigDecimal toYuan(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
  }
}
