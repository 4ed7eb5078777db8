package io.liaison.node.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rate-limit buckets stay bounded by evicting the least recently used, one at a time. */
class RateBucketsTest {
  @Test
  void aFloodOfNewKeysEvictsTheOldestOnlyAndKeepsTheLimitsOfTheOthers() {
    RateBuckets buckets = new RateBuckets(100, 5);
    // an address that used up its limit and keeps asking
    for (int i = 0; i < 5; i++) {
      assertThat(buckets.of("10.0.0.1").tryConsume(1)).isTrue();
    }
    assertThat(buckets.of("10.0.0.1").tryConsume(1)).isFalse();
    // a flood of 10,000 new addresses, while the limited one keeps asking now and then
    for (int i = 0; i < 10_000; i++) {
      buckets.of("192.0.2." + i);
      if (i % 50 == 0) {
        assertThat(buckets.of("10.0.0.1").tryConsume(1))
            .as("the limited address is still limited after %d new addresses", i)
            .isFalse();
      }
      assertThat(buckets.size()).isLessThanOrEqualTo(100);
    }
    // the newest addresses are kept, the oldest evicted
    assertThat(buckets.holds("192.0.2.9999")).isTrue();
    assertThat(buckets.holds("192.0.2.0")).isFalse();
    assertThat(buckets.size()).isEqualTo(100);
  }
}
