package io.liaison.api.action;

import io.liaison.api.FieldException;
import java.time.Duration;
import java.time.Instant;

/** When an operation holds its area: from {@code start} (inclusive) to {@code end} (exclusive). */
public record TimeWindow(Instant start, Instant end) {
  public static final Duration MAX = Duration.ofDays(366);

  public TimeWindow {
    FieldException.required(start, "start");
    FieldException.required(end, "end");
    if (!end.isAfter(start)) {
      throw new FieldException("end", "must be after start");
    }
    if (Duration.between(start, end).compareTo(MAX) > 0) {
      throw new FieldException("end", "an operation lasts at most a year");
    }
  }

  /** Whether the two windows share an instant. */
  public boolean overlaps(TimeWindow o) {
    return start.isBefore(o.end) && o.start.isBefore(end);
  }
}
