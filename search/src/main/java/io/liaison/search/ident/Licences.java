package io.liaison.search.ident;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tobacco retail licence numbers (烟草专卖零售许可证号): twelve digits, the first six the issuing county's
 * division code ({@code 150924101234}). Labels and prefixes ({@code 许可证号:}, {@code 证号}, {@code
 * No.}, {@code 烟草专卖零售许可证}, a trailing {@code 号}), spaces, dashes and full-width digits are
 * accepted.
 */
final class Licences {
  private static final Pattern LABEL =
      Pattern.compile("^(?:烟草专卖零售许可证号?|零售许可证号?|专卖许可证号?|许可证编号|许可证号码|许可证号|许可证|证号|编号|NO)?[:：#]?");
  private static final Pattern LICENCE = Pattern.compile("[1-6][0-9]{5}[0-9]{6}");

  private Licences() {}

  static Optional<Identifier> normalise(String raw) {
    String s = LABEL.matcher(Fold.compact(raw)).replaceFirst("");
    if (s.endsWith("号")) {
      s = s.substring(0, s.length() - 1);
    }
    return LICENCE.matcher(s).matches()
        ? Optional.of(new Identifier(IdentifierType.LICENCE, s, true))
        : Optional.empty();
  }
}
