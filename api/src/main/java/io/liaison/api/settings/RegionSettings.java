package io.liaison.api.settings;

import io.liaison.api.FieldException;

/**
 * The rules the member bureaus agree for working leads together, one version of them. A version is
 * in force only when every bureau of the roster has signed it (the roster of that moment: a bureau
 * that joins later does not un-agree it) (see {@code docs/leads.md}); until then no feedback period
 * runs and nothing is overdue.
 *
 * @param version 1 for the first agreement, each change the next number
 * @param feedbackPeriodDays days after a claim within which the claiming bureau gives the origin
 *     its feedback (反馈"及时"); later it is overdue (逾期未反馈)
 * @param overdueRemindDays after the lead first became overdue, remind the owner again every this
 *     many days while feedback is missing; 0 = a single notice
 * @param escalateAfterDays days overdue after which the notice also goes to the supervisor (上级局); 0
 *     = never
 * @param majorCaseThresholdFen value at or above which a lead or case is a major case (重大案件,
 *     以案值5万元为准 = 5,000,000 fen), reported at once upward and to the neighbours
 * @param basis where the rules come from (the agreement or document the bureaus signed), shown with
 *     them
 */
public record RegionSettings(
    long version,
    int feedbackPeriodDays,
    int overdueRemindDays,
    int escalateAfterDays,
    long majorCaseThresholdFen,
    String basis) {
  /** 以案值5万元为准. */
  public static final long MAJOR_CASE_FEN = 5_000_000L;

  public RegionSettings {
    if (version < 1) {
      FieldException.invalid("version", "starts at 1");
    }
    if (feedbackPeriodDays < 1 || feedbackPeriodDays > 365) {
      FieldException.invalid("feedbackPeriodDays", "must be 1..365 days");
    }
    if (overdueRemindDays < 0 || overdueRemindDays > 365) {
      FieldException.invalid("overdueRemindDays", "must be 0..365 days");
    }
    if (escalateAfterDays < 0 || escalateAfterDays > 365) {
      FieldException.invalid("escalateAfterDays", "must be 0..365 days");
    }
    if (majorCaseThresholdFen < 1) {
      FieldException.invalid("majorCaseThresholdFen", "must be at least 1 fen");
    }
    basis = FieldException.text(basis, "basis", 500);
  }
}
