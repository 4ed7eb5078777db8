package io.liaison.client.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as people in the bureaus read and write them: Beijing time, {@code yyyy-MM-dd HH:mm}. */
final class Times {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})\\s*([dhm])");

  private Times() {}

  /** {@code instant} in Beijing time, e.g. {@code 2026-11-26 21:01}; a dash for none. */
  static String show(Instant instant) {
    return instant == null ? "-" : SHOWN.format(instant);
  }

  /** {@code instant} in Beijing time to the second, e.g. {@code 2026-11-26 21:01:07}. */
  static String showSeconds(Instant instant) {
    return instant == null ? "-" : SECONDS.format(instant);
  }

  /**
   * Reads an expiry as an officer writes it: a span from now ({@code 7d}, {@code 48h}, {@code
   * 90m}), a day in Beijing time ({@code 2026-12-31}, meaning the end of that day), a Beijing time
   * ({@code 2026-12-31 18:00}), or an ISO-8601 instant with offset ({@code 2026-12-31T10:00:00Z}).
   *
   * @throws IllegalArgumentException with a message that says what is accepted
   */
  static Instant parseExpiry(String text, Clock clock) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = RELATIVE.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
          };
      return clock.instant().plus(d);
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant();
      }
      if (s.endsWith("z") || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(text.strip()).toInstant();
      }
      return LocalDateTime.parse(s.toUpperCase(Locale.ROOT), LOCAL).atZone(ZONE).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time: use 7d / 48h / 90m, 2026-12-31, '2026-12-31 18:00' (Beijing"
              + " time) or 2026-12-31T10:00:00Z");
    }
  }
}
