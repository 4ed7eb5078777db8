package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.report.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A period's bounds converted once place every date and instant as the Shanghai day does. */
class WindowTest {
  private static final List<Period> PERIODS =
      List.of(
          Period.quarter(2026, 1),
          Period.quarter(2026, 2),
          Period.quarter(2025, 4),
          Period.half(2025, 2),
          Period.month(2024, 2),
          Period.range(LocalDate.of(1988, 4, 1), LocalDate.of(1990, 9, 30)));

  @Test
  void agreesWithThePeriodsShanghaiDays() {
    SplittableRandom r = new SplittableRandom(7);
    for (Period p : PERIODS) {
      Window w = Window.of(p);
      Instant start = p.from().atStartOfDay(Period.ZONE).toInstant();
      Instant end = p.to().plusDays(1).atStartOfDay(Period.ZONE).toInstant();
      // the edges, to the nanosecond, and instants around the period
      for (Instant at :
          List.of(
              start,
              start.minusNanos(1),
              start.plusNanos(1),
              end,
              end.minusNanos(1),
              end.minusMillis(1),
              end.plusNanos(1))) {
        assertThat(w.contains(at)).as("%s %s", p.label(), at).isEqualTo(p.contains(at));
      }
      for (int i = 0; i < 20_000; i++) {
        Instant at =
            start
                .minusSeconds(40L * 86_400)
                .plusSeconds(r.nextLong(500L * 86_400))
                .plusNanos(r.nextInt(1_000_000_000));
        assertThat(w.contains(at)).as("%s %s", p.label(), at).isEqualTo(p.contains(at));
        LocalDate d = p.from().minusDays(40).plusDays(r.nextInt(500));
        assertThat(w.contains(d)).as("%s %s", p.label(), d).isEqualTo(p.contains(d));
      }
    }
    assertThat(Window.of(PERIODS.get(0)).contains((Instant) null)).isFalse();
    assertThat(Window.of(PERIODS.get(0)).contains((LocalDate) null)).isFalse();
    // 16:30 UTC on 31 March is 1 April in Shanghai
    assertThat(Window.of(Period.quarter(2026, 2)).contains(Instant.parse("2026-03-31T16:30:00Z")))
        .isTrue();
    assertThat(Window.of(Period.quarter(2026, 1)).contains(Instant.parse("2026-03-31T16:30:00Z")))
        .isFalse();
  }
}
