package io.liaison.search.ident;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland vehicle plates (GA 36). Canonical form: province character, issuing-authority letter and
 * serial, upper case, without separators: {@code 蒙J3K582}, {@code 晋BD12345} (new-energy, 8
 * characters), {@code 冀G1234挂}. Accepted spellings: middle dots ({@code ·}, {@code •}, {@code .},
 * {@code ・}), spaces and dashes, lower case, full-width letters and digits; the letters O and I,
 * which serials never use, are read as the digits 0 and 1.
 */
final class Plates {
  static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

  private static final Pattern PLATE =
      Pattern.compile(
          "["
              + PROVINCES
              + "][A-Z](?:[A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]"
              + "|[A-HJ-NP-Z0-9]{4}[挂学警港澳领试超])");
  private static final Pattern LABEL = Pattern.compile("^(?:车牌号码|车牌号|车牌|牌照号|牌照)[:：]?");

  private Plates() {}

  static Optional<Identifier> normalise(String raw) {
    String s = LABEL.matcher(Fold.compact(raw)).replaceFirst("");
    if (s.length() < 7 || s.length() > 8) {
      return Optional.empty();
    }
    char[] c = s.toCharArray();
    for (int i = 2; i < c.length; i++) {
      if (c[i] == 'O') {
        c[i] = '0';
      } else if (c[i] == 'I') {
        c[i] = '1';
      }
    }
    String plate = new String(c);
    return PLATE.matcher(plate).matches()
        ? Optional.of(new Identifier(IdentifierType.PLATE, plate, true))
        : Optional.empty();
  }
}
