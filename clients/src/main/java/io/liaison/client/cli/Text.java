package io.liaison.client.cli;

/**
 * Terminal text layout that knows that CJK characters take two columns: width, padding and
 * truncation by display columns, so that tables of Chinese text line up.
 */
final class Text {
  private static final String ELLIPSIS = "…";

  private Text() {}

  /** Display columns of {@code s} in a terminal (East Asian wide and fullwidth count two). */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  static int width(int cp) {
    if (cp == 0 || Character.getType(cp) == Character.NON_SPACING_MARK || cp == 0x200B) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK symbols
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // emoji
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B…
  }

  /** {@code s} cut to at most {@code max} columns, ending in an ellipsis when cut. */
  static String truncate(String s, int max) {
    if (width(s) <= max) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = width(cp);
      if (w + cw > max - 1) {
        break;
      }
      sb.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return sb.append(ELLIPSIS).toString();
  }

  /** {@code s} padded with spaces to {@code columns} (left-aligned); longer text is cut. */
  static String pad(String s, int columns) {
    String t = truncate(s, columns);
    return t + " ".repeat(Math.max(0, columns - width(t)));
  }

  /** Newlines and tabs as spaces, so that one record stays on one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /**
   * One table row: each cell but the last padded to its width in {@code widths} and followed by two
   * spaces, the last cell as it is.
   */
  static void row(StringBuilder sb, int[] widths, String... cells) {
    for (int i = 0; i < widths.length; i++) {
      sb.append(pad(cells[i], widths[i])).append("  ");
    }
    sb.append(cells[widths.length]).append('\n');
  }

  /** {@code s} as one word for a POSIX shell: as it is when safe, else in single quotes. */
  static String shellWord(String s) {
    if (!s.isEmpty() && s.codePoints().allMatch(Text::shellSafe)) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean shellSafe(int cp) {
    return cp > 0x7f || Character.isLetterOrDigit(cp) || "-_.,:/@%+=".indexOf(cp) >= 0;
  }
}
