package io.liaison.api.report;

/**
 * Feedback on time (反馈及时率) under the agreed feedback period ({@code periodDays}, 0 when none is
 * agreed: then nothing is due). A lead is due from the bureau when it claimed it or accepted its
 * hand-over; it is answered by the bureau's next feedback or close. Counted on the Shanghai day of
 * the deadline (claim + period): {@code due} deadlines in the period, answered {@code onTime} (at
 * or before the deadline), {@code late} (after it), or {@code unanswered} (no answer in the
 * records, or the lead left the bureau after the deadline without one).
 */
public record FeedbackFigures(int periodDays, long due, long onTime, long late, long unanswered) {
  public static final FeedbackFigures NONE = new FeedbackFigures(0, 0, 0, 0, 0);
}
