package io.liaison.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set and move (the one fake the house style allows). */
public final class TestClock extends Clock {
  private volatile Instant now;

  public TestClock(Instant now) {
    this.now = now;
  }

  public static TestClock at(String iso) {
    return new TestClock(Instant.parse(iso));
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return now;
  }
}
