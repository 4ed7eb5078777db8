package io.liaison.search.ident;

/** Check digits of the identifiers that have one. */
public final class Checksums {
  private static final int[] GB11643_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final String GB11643_CHECK = "10X98765432";

  private Checksums() {}

  /** The GB 11643 check character of the first 17 digits of a resident ID number. */
  public static char idNumberCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
    }
    return GB11643_CHECK.charAt(sum % 11);
  }

  /** Whether the last digit of {@code digits} is the Luhn check digit of the others. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
