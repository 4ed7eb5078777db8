package io.liaison.search.ident;

/**
 * Length-preserving folding of text before identifiers are recognised: full-width ASCII (ＡＢＣ１２３) to
 * half-width, the ideographic space to a space, the many dashes to {@code -} and the many middle
 * dots to {@code ·}. Each char maps to exactly one char, so offsets in the folded text are offsets
 * in the original.
 */
public final class Fold {
  private Fold() {}

  /** The folded form of one char. */
  public static char fold(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      c = (char) (c - 0xFEE0);
    }
    return switch (c) {
      case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u202F' -> ' ';
      case '\u2010',
          '\u2011',
          '\u2012',
          '\u2013',
          '\u2014',
          '\u2015',
          '\u2212',
          '\u30FC',
          '\uFE63' ->
          '-';
      case '\u00B7', '\u2022', '\u2027', '\u2219', '\u22C5', '\u30FB', '\uFF65', '\u0387' -> '·';
      case '\uFF61' -> '.';
      case '\u00D7' -> 'X';
      default -> c;
    };
  }

  /** {@code s} with every char folded; same length as {@code s}. */
  public static String fold(CharSequence s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(s.charAt(i));
    }
    return new String(out);
  }

  /** {@code s} folded, upper-cased (ASCII only) and without spaces, dashes, dots and brackets. */
  static String compact(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = fold(s.charAt(i));
      if (c == ' '
          || c == '-'
          || c == '·'
          || c == '.'
          || c == '('
          || c == ')'
          || Character.isWhitespace(c)) {
        continue;
      }
      b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return b.toString();
  }

  /** Whether every char of {@code s} is an ASCII digit (and there is at least one). */
  static boolean digits(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
