package io.liaison.search.ident;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bank and payment accounts. Canonical forms: a bank card or account number as its digits (a 16–19
 * digit card with a wrong Luhn digit is flagged invalid); an e-mail style payment account (支付宝)
 * lower-cased; a mobile number used as an account as its 11 digits; a WeChat ID lower-cased. Labels
 * ({@code 银行卡号:}, {@code 支付宝:}, {@code 微信号:}), spaces in groups of four, dashes and full-width
 * forms are accepted.
 */
final class Accounts {
  private static final Pattern LABEL =
      Pattern.compile(
          "^(?:(?:[\\p{IsHan}]{0,6}银行)?(?:银行卡号|银行卡|卡号|账号|账户|帐号|帐户)|支付宝账号|支付宝|"
              + "微信号|微信|WECHAT|ALIPAY)[:：]?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{12,25}");
  private static final Pattern WECHAT = Pattern.compile("[a-z][a-z0-9_-]{3,19}");

  private Accounts() {}

  static Optional<Identifier> normalise(String raw) {
    String folded = Fold.fold(raw).strip();
    Matcher label = LABEL.matcher(folded);
    String rest = label.lookingAt() ? folded.substring(label.end()).strip() : folded;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.indexOf('@') >= 0) {
      return EMAIL.matcher(lower).matches() ? of(lower, true) : Optional.empty();
    }
    String compact = Fold.compact(rest);
    if (MOBILE.matcher(compact).matches()) {
      return of(compact, true);
    }
    if (NUMBER.matcher(compact).matches()) {
      boolean card = compact.length() >= 16 && compact.length() <= 19;
      return of(compact, !card || Checksums.luhn(compact));
    }
    return WECHAT.matcher(lower).matches() ? of(lower, true) : Optional.empty();
  }

  private static Optional<Identifier> of(String value, boolean valid) {
    return Optional.of(new Identifier(IdentifierType.ACCOUNT, value, valid));
  }
}
