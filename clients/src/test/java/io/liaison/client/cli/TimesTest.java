package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T13:06:25Z"), ZoneOffset.UTC);

  @Test
  void showsBeijingTime() {
    assertThat(Times.show(Instant.parse("2026-11-26T13:06:25.836688727Z")))
        .isEqualTo("2026-11-26 21:06");
    assertThat(Times.show(Instant.parse("2026-12-31T16:30:00Z"))).isEqualTo("2027-01-01 00:30");
    assertThat(Times.show(null)).isEqualTo("-");
  }

  @Test
  void readsSpansFromNow() {
    assertThat(Times.parseExpiry("7d", CLOCK)).isEqualTo(Instant.parse("2026-12-03T13:06:25Z"));
    assertThat(Times.parseExpiry("48h", CLOCK)).isEqualTo(Instant.parse("2026-11-28T13:06:25Z"));
    assertThat(Times.parseExpiry("90m", CLOCK)).isEqualTo(Instant.parse("2026-11-26T14:36:25Z"));
  }

  @Test
  void readsBeijingDaysAndTimes() {
    assertThat(Times.parseExpiry("2026-12-31", CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T15:59:00Z"));
    assertThat(Times.parseExpiry("2026-12-31 18:00", CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
    assertThat(Times.parseExpiry("2026-12-31T18:00", CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
  }

  @Test
  void readsInstantsWithAnOffset() {
    assertThat(Times.parseExpiry("2026-12-31T10:00:00Z", CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
    assertThat(Times.parseExpiry("2026-12-31T18:00:00+08:00", CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
  }

  @Test
  void saysWhatItAcceptsWhenItCannotRead() {
    assertThatThrownBy(() -> Times.parseExpiry("next week", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7d")
        .hasMessageContaining("2026-12-31");
    assertThatThrownBy(() -> Times.parseExpiry("2026-13-40", CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
