package io.liaison.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests set and move (the one fake the house style allows). */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public TestClock(Instant now) {
    this(new AtomicReference<>(now), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public static TestClock at(String iso) {
    return new TestClock(Instant.parse(iso));
  }

  /** Moves this clock and every clock made from it by {@link #withZone}. */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving time, seen in {@code zone}. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
