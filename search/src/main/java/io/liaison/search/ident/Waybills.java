package io.liaison.search.ident;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parcel waybill numbers (运单号). Where the courier's letters are part of the number (顺丰 {@code SF},
 * 圆通 {@code YT}, 极兔 {@code JT}, 京东 {@code JD…}, UPU S10 {@code EA123456789CN}) the canonical form
 * keeps them: {@code SF1234567890123}. Where the number is all digits (中通, 韵达, 申通, 百世, EMS
 * domestic) a written courier prefix such as {@code ZTO} or {@code YD} is decoration and dropped:
 * {@code ZTO 7310 0012 3456} and {@code 731000123456} are the same. A courier name in front of bare
 * digits supplies the letters it implies: {@code 顺丰单号1234567890123} is {@code SF1234567890123}.
 * Case, spaces, dashes and full-width forms are ignored.
 */
final class Waybills {
  private static final Pattern LABEL =
      Pattern.compile(
          "^(顺丰|圆通|极兔|中通|韵达|申通|百世|京东|邮政|EMS|德邦)?(?:快递|速运|速递|物流|快运)?"
              + "(?:快递单号|运单号码|运单号|快递单|单号|运单)?[:：#]?");
  private static final Map<String, String> LETTERS_OF = Map.of("顺丰", "SF", "圆通", "YT", "极兔", "JT");
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
    String courier = label.group(1);
    String s = compact.substring(label.end());
    String value = null;
    if (LETTERED.matcher(s).matches() || S10.matcher(s).matches()) {
      value = s;
    } else {
      Matcher decorated = DECORATED.matcher(s);
      if (decorated.matches()) {
        value = decorated.group(1);
      } else if (NUMERIC.matcher(s).matches()) {
        String letters = courier == null ? null : LETTERS_OF.get(courier);
        value = letters != null && s.length() >= 12 ? letters + s : s;
      }
    }
    return value == null
        ? Optional.empty()
        : Optional.of(new Identifier(IdentifierType.WAYBILL, value, true));
  }
}
