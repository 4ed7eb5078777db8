package io.liaison.search.ident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parcel waybill numbers (运单号). The canonical form is the number's digits: the courier's letters
 * (顺丰 {@code SF}, 圆通 {@code YT}, 极兔 {@code JT}, 京东 {@code JD}) are as often left out as written
 * ({@code SF1234567890123}, {@code 顺丰 1234567890123}), and a written prefix of an all-digit courier
 * ({@code ZTO}, {@code YD}) is decoration: {@code ZTO 7310 0012 3456} and {@code 731000123456} are
 * the same. Numbers whose letters are part of them keep them ({@code JDV…}, UPU S10 {@code
 * EA123456789CN}). Case, spaces, dashes and full-width forms are ignored.
 */
final class Waybills {
  private static final Pattern LABEL =
      Pattern.compile(
          "^(顺丰|圆通|极兔|中通|韵达|申通|百世|京东|邮政|EMS|德邦)?(?:快递|速运|速递|物流|快运)?"
              + "(?:快递单号|运单号码|运单号|快递单|单号|运单)?[:：#]?");
  private static final Pattern COURIER_DIGITS = Pattern.compile("(?:SF|YT|JT|JD)[0-9]{12,15}");
  private static final Pattern LETTERED =
      Pattern.compile("(?:SF|YT|JT)[0-9]{12,15}|JD[A-Z]{0,3}[0-9]{9,15}");
  private static final Pattern S10 = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");
  private static final Pattern DECORATED =
      Pattern.compile("(?:ZTO|ZT|YD|YUNDA|STO|HTKY|BEST|EMS|DBL|DPK)([0-9]{10,15})");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{10,15}");

  private Waybills() {}

  static Optional<Identifier> normalise(String raw) {
    String compact = Fold.compact(raw);
    Matcher label = LABEL.matcher(compact);
    label.lookingAt();
    String s = compact.substring(label.end());
    String value = null;
    if (LETTERED.matcher(s).matches()) {
      // the courier's letters are often left out (顺丰 1234…): the digits are the number
      value = COURIER_DIGITS.matcher(s).matches() ? s.replaceAll("^[A-Z]+", "") : s;
    } else if (S10.matcher(s).matches()) {
      value = s;
    } else {
      Matcher decorated = DECORATED.matcher(s);
      if (decorated.matches()) {
        value = decorated.group(1);
      } else if (NUMERIC.matcher(s).matches()) {
        value = s;
      }
    }
    return value == null
        ? Optional.empty()
        : Optional.of(new Identifier(IdentifierType.WAYBILL, value, true));
  }
}
