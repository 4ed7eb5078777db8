package io.liaison.api.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RewardCalculatorTest {
  static SharingRule rule(int leadPercent, RewardBase base, int bp, long capFen) {
    return new SharingRule(
        3, leadPercent, base, bp, capFen, "2026年协作约定附件二", java.time.LocalDate.of(2026, 1, 1));
  }

  @Test
  void aCaseSharesItsRewardAndPaysTheInformant() {
    // 30% to the lead's bureau; informant 5% of the fine, at most 1万元
    SharingRule r = rule(30, RewardBase.FINE, 500, 1_000_000);
    RewardShares s =
        RewardCalculator.shares(r, new CaseFigures(8_000_000, 2_000_000, 300_000), true);
    assertThat(s).isEqualTo(new RewardShares(3, 100_000, 90_000, 210_000));
    // the cap holds
    RewardShares big = RewardCalculator.shares(r, new CaseFigures(90_000_000, 40_000_000, 0), true);
    assertThat(big.informantFen()).isEqualTo(1_000_000);
    assertThat(big.leadBureauFen() + big.caseBureauFen()).isZero();
    // no informant, no informant reward
    assertThat(
            RewardCalculator.shares(r, new CaseFigures(8_000_000, 2_000_000, 300_000), false)
                .informantFen())
        .isZero();
    // on the value instead of the fine: 1‱ of 123,456,789 fen = 12,345.6789 → 12,345 (floor)
    SharingRule onValue = rule(30, RewardBase.VALUE, 1, 1_000_000);
    assertThat(RewardCalculator.informantFen(onValue, new CaseFigures(123_456_789, 5, 0)))
        .isEqualTo(12_345);
  }

  @Test
  void anOddFenGoesToTheLargerRemainderAndNoneIsLost() {
    // 1 fen split 50/50: the earlier part (lead) gets it on the tie
    assertThat(RewardCalculator.apportion(1, new int[] {50, 50})).containsExactly(1, 0);
    // 101 fen at 33%: exact 33.33 / 67.67 → 33 / 68
    assertThat(RewardCalculator.apportion(101, new int[] {33, 67})).containsExactly(33, 68);
    // 100 fen in three equal parts: 34 / 33 / 33
    assertThat(RewardCalculator.apportion(100, new int[] {1, 1, 1})).containsExactly(34, 33, 33);
    // 2 fen over 1/1/1: the first two
    assertThat(RewardCalculator.apportion(2, new int[] {1, 1, 1})).containsExactly(1, 1, 0);
    // a zero weight never gets a fen
    assertThat(RewardCalculator.apportion(7, new int[] {0, 3, 0, 4})).containsExactly(0, 3, 0, 4);
    assertThat(RewardCalculator.apportion(0, new int[] {0, 0})).containsExactly(0, 0);
    // the whole range: 10 亿元 split 1/2/3 (exact 166..., 333..., 500...)
    long[] huge = RewardCalculator.apportion(SharingRule.MAX_FEN, new int[] {1, 2, 3});
    assertThat(Arrays.stream(huge).sum()).isEqualTo(SharingRule.MAX_FEN);
    assertThat(huge).containsExactly(16_666_666_667L, 33_333_333_333L, 50_000_000_000L);
  }

  /**
   * Brute force: shares sum to the total, each within one fen of its exact share, on random input.
   */
  @Test
  void sharesAlwaysSumToTheTotal() {
    SplittableRandom rnd = new SplittableRandom(30);
    for (int n = 0; n < 20_000; n++) {
      long total = n % 3 == 0 ? rnd.nextLong(0, 1_000) : rnd.nextLong(0, SharingRule.MAX_FEN + 1);
      int k = rnd.nextInt(1, 9);
      int[] w = new int[k];
      for (int i = 0; i < k; i++) {
        w[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, n % 2 == 0 ? 101 : 1_000_001);
      }
      if (Arrays.stream(w).sum() == 0) {
        w[0] = 1;
      }
      long[] parts = RewardCalculator.apportion(total, w);
      assertThat(Arrays.stream(parts).sum())
          .as("sum %d %s", total, Arrays.toString(w))
          .isEqualTo(total);
      BigInteger sum = BigInteger.valueOf(Arrays.stream(w).asLongStream().sum());
      long onesUp = 0;
      for (int i = 0; i < k; i++) {
        BigInteger exact = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i]));
        BigInteger floor = exact.divide(sum);
        // each part is the floor of its exact share or one more
        assertThat(parts[i] - floor.longValueExact()).isBetween(0L, w[i] == 0 ? 0L : 1L);
        onesUp += parts[i] - floor.longValueExact();
      }
      assertThat(onesUp).isLessThan(k);
    }
    for (int p = 0; p <= 100; p++) {
      for (long pool = 0; pool <= 300; pool++) {
        RewardShares s =
            RewardCalculator.shares(
                rule(p, RewardBase.FINE, 0, 1), new CaseFigures(0, 0, pool), false);
        assertThat(s.leadBureauFen() + s.caseBureauFen()).isEqualTo(pool);
        // within half a fen of the exact share (two parts: rounding to nearest)
        assertThat(Math.abs(s.leadBureauFen() * 100 - pool * p)).isLessThanOrEqualTo(50);
      }
    }
  }

  @Test
  void badInputToTheSplitIsRefused() {
    assertThatThrownBy(() -> RewardCalculator.apportion(-1, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RewardCalculator.apportion(5, new int[] {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RewardCalculator.apportion(5, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RewardCalculator.apportion(5, new int[] {-1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RewardCalculator.apportion(SharingRule.MAX_FEN + 1, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
