package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.search.ident.IdentifierType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneOffTest {
  @Test
  void oneSubstitutionOrOneSwapOfNeighbours() {
    assertThat(OneOff.oneOff("13812345678", "13812345679")).isTrue();
    assertThat(OneOff.oneOff("13812345678", "13812346578")).isTrue();
    assertThat(OneOff.oneOff("13812345678", "13812345678")).isFalse();
    assertThat(OneOff.oneOff("13812345678", "13812345699")).isFalse();
    assertThat(OneOff.oneOff("13812345678", "31812345678")).isTrue();
    assertThat(OneOff.oneOff("13812345678", "1381234567")).isFalse();
    assertThat(OneOff.oneOff("13812345678", "13812354687")).isFalse();
  }

  @Test
  void onlyLongIdentifiersHaveOneOffMatches() {
    assertThat(OneOff.split(IdentifierType.PHONE, 11)).containsExactly(6, 4);
    assertThat(OneOff.split(IdentifierType.PHONE, 12)).isNull(); // landlines
    assertThat(OneOff.split(IdentifierType.PLATE, 7)).isNull();
    assertThat(OneOff.split(IdentifierType.ID_NUMBER, 18)).containsExactly(13, 4);
    assertThat(OneOff.split(IdentifierType.LICENCE, 12)).isNull(); // a dense space
  }

  /**
   * The two prefix scans find every one-off neighbour: each shares the head or, read backwards, the
   * tail. Checked for every substitution and swap of random values of every long type.
   */
  @Test
  void everyNeighbourSharesTheHeadOrTheTail() {
    SplittableRandom r = new SplittableRandom(7);
    int[][] shapes = {{11, 0}, {18, 1}, {13, 2}, {12, 2}, {19, 3}};
    IdentifierType[] types = {
      IdentifierType.PHONE, IdentifierType.ID_NUMBER, IdentifierType.WAYBILL, IdentifierType.ACCOUNT
    };
    for (int[] shape : shapes) {
      int n = shape[0];
      int[] split = OneOff.split(types[shape[1]], n);
      assertThat(split[0] + split[1]).isLessThanOrEqualTo(n - 1);
      for (int k = 0; k < 200; k++) {
        char[] v = new char[n];
        for (int i = 0; i < n; i++) {
          v[i] = (char) ('0' + r.nextInt(10));
        }
        String value = new String(v);
        for (int i = 0; i < n; i++) {
          char[] w = v.clone();
          w[i] = w[i] == '9' ? '0' : (char) (w[i] + 1);
          assertFound(value, new String(w), split);
          if (i + 1 < n && v[i] != v[i + 1]) {
            char[] s = v.clone();
            s[i] = v[i + 1];
            s[i + 1] = v[i];
            assertFound(value, new String(s), split);
          }
        }
      }
    }
  }

  private static void assertFound(String value, String other, int[] split) {
    assertThat(OneOff.oneOff(value, other)).isTrue();
    String rv = new StringBuilder(value).reverse().toString();
    String ro = new StringBuilder(other).reverse().toString();
    boolean head = value.regionMatches(0, other, 0, split[0]);
    boolean tail = rv.regionMatches(0, ro, 0, split[1]);
    assertThat(head || tail).as("%s / %s", value, other).isTrue();
  }
}
