package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import java.util.Arrays;

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
