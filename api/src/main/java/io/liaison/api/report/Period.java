package io.liaison.api.report;

import io.liaison.api.FieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, as calendar days in Asia/Shanghai
 * (the bureaus' day: a case at 2026-03-31T16:30Z is on 1 April in Shanghai and in the second
 * quarter). {@code label} names it as officers write it: {@code 2026Q2}, {@code 2026H1}, {@code
 * 2026-04}, or {@code 2026-04-01..2026-05-15} for any other range.
 */
public record Period(String label, LocalDate from, LocalDate to) {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The longest range a report takes (a few years of records). */
  public static final long MAX_DAYS = 3 * 366;

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern RANGE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

  public Period {
    FieldException.required(label, "period");
    FieldException.required(from, "from");
    FieldException.required(to, "to");
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        FieldException.invalid("to", "must not be before from");
      } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
        FieldException.invalid("to", "a report covers at most " + MAX_DAYS + " days");
      }
    }
  }

  public static Period quarter(int year, int q) {
    if (q < 1 || q > 4) {
      throw new FieldException("period", "quarter must be 1..4");
    }
    LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
    return new Period(year + "Q" + q, from, from.plusMonths(3).minusDays(1));
  }

  public static Period half(int year, int h) {
    LocalDate from = LocalDate.of(year, h == 1 ? 1 : 7, 1);
    return new Period(year + "H" + h, from, from.plusMonths(6).minusDays(1));
  }

  public static Period month(int year, int month) {
    LocalDate from = LocalDate.of(year, month, 1);
    return new Period(
        String.format("%04d-%02d", year, month), from, from.plusMonths(1).minusDays(1));
  }

  public static Period range(LocalDate from, LocalDate to) {
    return new Period(from + ".." + to, from, to);
  }

  /** The quarter (in Asia/Shanghai) that holds {@code at}. */
  public static Period quarterOf(Instant at) {
    LocalDate d = day(at);
    return quarter(d.getYear(), (d.getMonthValue() + 2) / 3);
  }

  /** The Asia/Shanghai day of an instant. */
  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZONE);
  }

  /**
   * Reads {@code 2026Q2}, {@code 2026H1}, {@code 2026-04} or {@code 2026-04-01..2026-05-15}.
   *
   * @throws FieldException naming {@code period} for anything else
   */
  public static Period parse(String text) {
    if (text == null || text.isBlank()) {
      throw new FieldException("period", "is required (2026Q2, 2026H1, 2026-04 or a..b)");
    }
    String t = text.strip().toUpperCase(java.util.Locale.ROOT);
    try {
      Matcher m;
      if ((m = QUARTER.matcher(t)).matches()) {
        return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if ((m = HALF.matcher(t)).matches()) {
        return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if ((m = MONTH.matcher(t)).matches()) {
        return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if ((m = RANGE.matcher(t)).matches()) {
        return range(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
      }
    } catch (java.time.DateTimeException e) {
      throw new FieldException("period", "not a date: " + e.getMessage());
    }
    throw new FieldException(
        "period", "must be 2026Q2, 2026H1, 2026-04 or 2026-04-01..2026-05-15, not " + text.strip());
  }

  /** Whether the Shanghai day {@code d} is in the period. */
  public boolean contains(LocalDate d) {
    return d != null && !d.isBefore(from) && !d.isAfter(to);
  }

  /** Whether {@code at} falls on a day of the period in Asia/Shanghai. */
  public boolean contains(Instant at) {
    return at != null && contains(day(at));
  }

  /** The period just before: the previous quarter, half or month, or a range as long. */
  public Period previous() {
    Matcher m;
    if ((m = QUARTER.matcher(label)).matches()) {
      int y = Integer.parseInt(m.group(1));
      int q = Integer.parseInt(m.group(2));
      return q == 1 ? quarter(y - 1, 4) : quarter(y, q - 1);
    }
    if ((m = HALF.matcher(label)).matches()) {
      int y = Integer.parseInt(m.group(1));
      return m.group(2).equals("1") ? half(y - 1, 2) : half(y, 1);
    }
    if (MONTH.matcher(label).matches()) {
      LocalDate p = from.minusMonths(1);
      return month(p.getYear(), p.getMonthValue());
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return range(from.minusDays(days), from.minusDays(1));
  }

  /** The same period a year before (同期). */
  public Period yearBefore() {
    Matcher m;
    if ((m = QUARTER.matcher(label)).matches()) {
      return quarter(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)));
    }
    if ((m = HALF.matcher(label)).matches()) {
      return half(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)));
    }
    if (MONTH.matcher(label).matches()) {
      return month(from.getYear() - 1, from.getMonthValue());
    }
    return range(from.minusYears(1), to.minusYears(1));
  }
}
