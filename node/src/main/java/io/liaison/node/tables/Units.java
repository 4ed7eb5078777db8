package io.liaison.node.tables;

import java.math.BigDecimal;

/**
 * The units of printed tables, exact decimals of the signed integers: 万支 (sticks / 10,000), 万元 (fen
 * / 1,000,000) and 元 (fen / 100).
 */
public final class Units {
  private Units() {}

  /** 万支: sticks / 10,000, exact. */
  public static BigDecimal wanSticks(long sticks) {
    BigDecimal v = BigDecimal.valueOf(sticks, 4).stripTrailingZeros();
    return v.setScale(Math.max(2, v.scale()));
  }

  /** 万元: fen / 1,000,000, exact. */
  public static BigDecimal wanYuan(long fen) {
    BigDecimal v = BigDecimal.valueOf(fen, 6).stripTrailingZeros();
    return v.setScale(Math.max(2, v.scale()));
  }

  /** 元: fen / 100, exact. */
  public static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }
}
