package io.liaison.search.ident;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China phone numbers. Canonical forms: a mobile as its 11 digits ({@code 13812345678}); a
 * landline as trunk 0, area code and local number without separators ({@code 04745212345}); a
 * 400/800 service number as its 10 digits. Accepted spellings include spaces and dashes, {@code
 * +86}, {@code 0086}, {@code 86}, {@code (+86)}, {@code +86 (0)474}, area codes in brackets,
 * full-width digits and labels such as {@code 手机:} or {@code Tel:}. A local number without its area
 * code and short numbers such as the 12313 tip line are not phone identifiers.
 */
final class PhoneNumbers {
  private static final Pattern LABEL =
      Pattern.compile("^(?:联系电话|联系方式|手机号码|手机号|手机|电话号码|电话|座机|TEL|PHONE|MOBILE|CALL)[:：]?");
  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern SERVICE = Pattern.compile("[48]00[0-9]{7}");

  private PhoneNumbers() {}

  static Optional<Identifier> normalise(String raw) {
    String s = LABEL.matcher(Fold.compact(raw)).replaceFirst("");
    boolean international = true;
    if (s.startsWith("+86")) {
      s = s.substring(3);
    } else if (s.startsWith("+")) {
      return Optional.empty();
    } else if (s.startsWith("0086")) {
      s = s.substring(4);
    } else if (s.startsWith("86") && s.length() == 13 && s.charAt(2) == '1') {
      s = s.substring(2);
    } else {
      international = false;
    }
    if (!Fold.digits(s)) {
      return Optional.empty();
    }
    if (MOBILE.matcher(s).matches() || SERVICE.matcher(s).matches()) {
      return Optional.of(new Identifier(IdentifierType.PHONE, s, true));
    }
    if (international && s.charAt(0) != '0') {
      s = "0" + s; // international form drops the trunk 0: +86 474 5212345
    }
    return landline(s).map(v -> new Identifier(IdentifierType.PHONE, v, true));
  }

  /** Trunk 0 + area code (3 digits for 010 and 02x, else 4) + 7 or 8 digit local number. */
  private static Optional<String> landline(String s) {
    if (s.length() < 10 || s.length() > 12 || s.charAt(0) != '0' || s.charAt(1) == '0') {
      return Optional.empty();
    }
    int area = s.charAt(1) == '1' || s.charAt(1) == '2' ? 3 : 4;
    String local = s.substring(area);
    boolean ok =
        (area == 3 ? local.length() == 8 : local.length() == 7 || local.length() == 8)
            && local.charAt(0) >= '2';
    return ok ? Optional.of(s) : Optional.empty();
  }
}
