package io.liaison.api.cases;

import io.liaison.api.FieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cigarette quantities are kept in sticks (支); officers count in 条 (carton, 200 sticks), 件 (case,
 * 50 条 = 10,000 sticks), 万支 (10,000 sticks) and 包/盒 (pack, 20 sticks). Conversion happens here, at
 * the edge.
 */
public final class Sticks {
  public static final long PER_PACK = 20;
  public static final long PER_CARTON = 200;
  public static final long PER_CASE = 10_000;

  private static final Pattern QUANTITY =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(支|包|盒|条|件|万支)?\\s*");

  private Sticks() {}

  /** Sticks in {@code cartons} 条. */
  public static long ofCartons(long cartons) {
    return Math.multiplyExact(cartons, PER_CARTON);
  }

  /** Sticks in {@code cases} 件 (also 万支). */
  public static long ofCases(long cases) {
    return Math.multiplyExact(cases, PER_CASE);
  }

  /** Whole cartons in {@code sticks}, rounded down. */
  public static long toCartons(long sticks) {
    return sticks / PER_CARTON;
  }

  /**
   * Parses a quantity as officers write it: {@code 30条}, {@code 2件}, {@code 1.5万支}, {@code 600支},
   * {@code 12包}; a bare number is sticks. Full-width digits are accepted.
   *
   * @throws FieldException when the text is not a quantity or is not a whole number of sticks
   */
  public static long parse(String text) {
    FieldException.required(text, "quantity");
    Matcher m = QUANTITY.matcher(halfWidthDigits(text));
    if (!m.matches()) {
      throw new FieldException("quantity", "not a quantity: " + text);
    }
    String unit = m.group(2) == null ? "支" : m.group(2);
    long factor =
        switch (unit) {
          case "条" -> PER_CARTON;
          case "件", "万支" -> PER_CASE;
          case "包", "盒" -> PER_PACK;
          default -> 1;
        };
    BigDecimal sticks = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
    try {
      long result = sticks.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
      if (result <= 0) {
        throw new FieldException("quantity", "must be positive");
      }
      return result;
    } catch (ArithmeticException e) {
      throw new FieldException("quantity", "not a whole number of sticks: " + text);
    }
  }

  private static String halfWidthDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : c);
    }
    return b.toString();
  }
}
