package io.liaison.node.report;

import io.liaison.api.report.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A period's Shanghai days as bounds converted once: its epoch days (for dates such as a case's
 * filing day) and the UTC instants where its first day starts and the day after its last starts
 * (for signed times), so a record is placed by comparing two numbers, not by converting each of its
 * instants to a Shanghai day. {@code contains} agrees with {@link Period#contains} for every date
 * and instant (WindowTest).
 */
record Window(long fromDay, long toDay, long fromSecond, long untilSecond) {
  static Window of(Period p) {
    return new Window(
        p.from().toEpochDay(),
        p.to().toEpochDay(),
        p.from().atStartOfDay(Period.ZONE).toEpochSecond(),
        p.to().plusDays(1).atStartOfDay(Period.ZONE).toEpochSecond());
  }

  static Window[] of(List<Period> periods) {
    Window[] out = new Window[periods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = of(periods.get(i));
    }
    return out;
  }

  /** Whether {@code d} is one of the period's days. */
  boolean contains(LocalDate d) {
    if (d == null) {
      return false;
    }
    long e = d.toEpochDay();
    return e >= fromDay && e <= toDay;
  }

  /** Whether {@code at} falls on one of the period's days in Asia/Shanghai. */
  boolean contains(Instant at) {
    if (at == null) {
      return false;
    }
    long s = at.getEpochSecond();
    return s >= fromSecond && s < untilSecond;
  }
}
