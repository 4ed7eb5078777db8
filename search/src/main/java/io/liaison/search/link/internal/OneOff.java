package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;

/**
 * One character off: two identifiers of the same length that differ by one substitution or by one
 * swap of adjacent characters, the typos people make copying numbers.
 *
 * <p>Candidates are found without a fuzzy automaton: if {@code a} and {@code b} are one off, they
 * either share their first {@code head} characters or, read backwards, their first {@code tail}
 * characters, where {@code head + tail <= n - 1} (a swap across the boundary touches two
 * positions). Two prefix scans of the sorted term dictionary therefore find every one-off
 * neighbour. The split is chosen per type so that both prefixes are selective: the first digits of
 * a mobile number or a resident ID number carry little information (carrier, county), the last ones
 * a lot.
 */
public final class OneOff {
  private OneOff() {}

  /** {@code {head, tail}} prefix lengths for an identifier of this type and length, or null. */
  public static int[] split(IdentifierType type, int n) {
    return switch (type) {
      case PHONE -> n == 11 ? new int[] {6, 4} : null; // mobiles only
      case ID_NUMBER -> n == 18 ? new int[] {13, 4} : null;
      // a county's licence numbers fill a small space: a neighbour is another retailer, not a typo
      case LICENCE -> null;
      case WAYBILL, ACCOUNT -> n >= 10 && n <= 25 ? new int[] {n / 2, n - 1 - n / 2} : null;
      case PLATE -> null; // 7 characters: too short, random neighbours are everywhere
    };
  }

  /** {@link #oneOff(String, String)} on bytes: {@code a} against {@code b[off..off+len)}. */
  public static boolean oneOff(byte[] a, byte[] b, int off, int len) {
    int n = a.length;
    if (n != len) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (a[i] != b[off + i]) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return false;
    }
    if (java.util.Arrays.equals(a, first + 1, n, b, off + first + 1, off + n)) {
      return true;
    }
    return first + 1 < n
        && a[first] == b[off + first + 1]
        && a[first + 1] == b[off + first]
        && java.util.Arrays.equals(a, first + 2, n, b, off + first + 2, off + n);
  }

  /** Whether {@code a} and {@code b} differ by exactly one substitution or one adjacent swap. */
  public static boolean oneOff(String a, String b) {
    int n = a.length();
    if (n != b.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return false;
    }
    if (a.regionMatches(first + 1, b, first + 1, n - first - 1)) {
      return true; // one substitution
    }
    return first + 1 < n
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.regionMatches(first + 2, b, first + 2, n - first - 2);
  }
}
