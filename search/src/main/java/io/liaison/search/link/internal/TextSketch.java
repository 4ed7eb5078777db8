package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bottom-k sketch of a narrative: the {@value #K} smallest hashes of its four-character shingles
 * over Chinese characters and digits (Latin letters, spaces and punctuation dropped, full-width
 * digits folded). Two sketches estimate the Jaccard similarity of the shingle sets without keeping
 * the text. Digits stay because they are what tells a copied narrative from another case written on
 * the same template: the copy keeps the dates, quantities and amounts, the template does not.
 */
public final class TextSketch {
  public static final int K = 32;
  private static final int SHINGLE = 4;

  /**
   * Shorter texts get no sketch: a sentence or two written on a template is alike in every case, so
   * only a text of some length can show that one record copied another.
   */
  static final int MIN_CHARS = 50;

  private static final int[] EMPTY = new int[0];

  /** A run of this many digits is an identifier (a phone, an ID number…), not a figure. */
  private static final int IDENTIFIER_DIGITS = 7;

  /** Figures a narrative needs for its figure key: a date and at least two more. */
  private static final int MIN_FIGURES = 5;

  private TextSketch() {}

  /** The sorted sketch of {@code text}; empty when the text has too few shingles to compare. */
  public static int[] of(String text) {
    if (text == null) {
      return EMPTY;
    }
    char[] han = new char[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = Fold.fold(text.charAt(i));
      if ((c >= '0' && c <= '9') || Names.isHan(c)) {
        han[n++] = c;
      }
    }
    if (n < MIN_CHARS) {
      return EMPTY;
    }
    int[] hashes = new int[n - SHINGLE + 1];
    for (int i = 0; i + SHINGLE <= n; i++) {
      long packed =
          ((long) han[i] << 48)
              | ((long) han[i + 1] << 32)
              | ((long) han[i + 2] << 16)
              | han[i + 3];
      hashes[i] = (int) (mix(packed) >>> 32);
    }
    Arrays.sort(hashes);
    int[] out = new int[K];
    int m = 0;
    for (int i = 0; i < hashes.length && m < K; i++) {
      if (m == 0 || hashes[i] != out[m - 1]) {
        out[m++] = hashes[i];
      }
    }
    return Arrays.copyOf(out, m);
  }

  /**
   * The salient-text keys of {@code text}: the {@code n} smallest hashes of its sketch and its
   * figure key (empty without a sketch). The figure key is the hash of the narrative's figures in
   * order — date, house number, quantities, amount: the runs of fewer than {@value
   * #IDENTIFIER_DIGITS} digits — when there are at least {@value #MIN_FIGURES}. A narrative's
   * wording is mostly the officers' template, so its smallest hashes are often all template and
   * none of them salient; its figures are what a copy keeps and another case on the same template
   * does not. Identifiers are no figures: a lead that copies a case often masks them ({@code
   * ****0325}), and a depot's phone recurs in unrelated cases.
   */
  public static int[] keys(String text, int n) {
    return keys(text, of(text), n);
  }

  /** {@link #keys(String, int)} of a text whose sketch ({@link #of}) is already known. */
  public static int[] keys(String text, int[] sketch, int n) {
    if (sketch.length == 0) {
      return EMPTY;
    }
    int[] keys = Arrays.copyOf(sketch, Math.min(n, sketch.length));
    List<String> figures = figures(text);
    if (figures.size() < MIN_FIGURES) {
      return keys;
    }
    long h = 0x9E3779B97F4A7C15L;
    for (String f : figures) {
      for (int i = 0; i < f.length(); i++) {
        h = mix(h ^ f.charAt(i));
      }
      h = mix(h ^ '|');
    }
    int key = (int) (h >>> 32);
    for (int k : keys) {
      if (k == key) {
        return keys;
      }
    }
    int[] out = Arrays.copyOf(keys, keys.length + 1);
    out[keys.length] = key;
    return out;
  }

  /**
   * The runs of digits of a text, in order, that are figures: a run ends at a Chinese character or
   * a punctuation mark (spaces, dashes, brackets and letters inside an identifier do not end it),
   * and a run of {@value #IDENTIFIER_DIGITS} or more digits or one with a mask character ({@code
   * *}) is an identifier.
   */
  static List<String> figures(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean masked = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? Fold.fold(text.charAt(i)) : '。';
      if (c >= '0' && c <= '9') {
        run.append(c);
      } else if (c == '*' || c == '×') {
        masked = true;
      } else if (!Character.isWhitespace(c) && !Character.isLetter(c) || Names.isHan(c)) {
        if (c == '-' || c == '.' || c == '·' || c == '(' || c == ')' || c == '+') {
          continue; // inside a phone or an ID number as people write them
        }
        if (run.length() > 0 && !masked && run.length() < IDENTIFIER_DIGITS) {
          out.add(run.toString());
        }
        run.setLength(0);
        masked = false;
      }
    }
    return out;
  }

  /**
   * The bottom-k estimate of the Jaccard similarity: of the k smallest hashes of the union, the
   * share found in both sketches. 0 when either sketch is empty.
   */
  public static double similarity(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int k = Math.min(a.length, b.length);
    int i = 0;
    int j = 0;
    int taken = 0;
    int both = 0;
    while (taken < k && i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
      taken++;
    }
    return (double) both / k;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
