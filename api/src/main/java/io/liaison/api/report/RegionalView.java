package io.liaison.api.report;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The bureaus side by side for a period, each with the same figures for the period before and the
 * same period a year earlier (环比, 同比), computed by the answering node from the records it holds;
 * {@code issued} says whether the bureau has signed its briefing for the period.
 */
public record RegionalView(
    Period period, Period previous, Period yearBefore, List<Row> rows, Totals region) {
  public RegionalView {
    rows = List.copyOf(rows);
  }

  /** One bureau. */
  public record Row(
      BureauId bureau, boolean issued, Totals current, Totals previous, Totals yearBefore) {}

  /** The headline figures compared (counts, sticks, fen). */
  public record Totals(
      long cases,
      long sticks,
      long valueFen,
      long majorCases,
      long transferredToPolice,
      long detainedPersons,
      long treasuryFen,
      long leadsSent,
      long leadsReceived,
      long priceJudged,
      long priceCompliant,
      long jointActions,
      long officerTimes,
      long vehicleTimes,
      long merged,
      long feedbackDue,
      long feedbackOnTime) {
    public static Totals of(Briefing b) {
      ActionFigures.ActionRow a = b.actions() == null ? null : b.actions().total();
      NetworkFigures n = b.networks();
      FeedbackFigures f = b.feedback();
      return new Totals(
          b.cases().total().cases(),
          b.cases().total().sticks(),
          b.cases().total().valueFen(),
          b.cases().majorCases().size(),
          b.cases().transferredToPolice(),
          b.cases().detainedPersons(),
          b.cases().treasuryFen(),
          b.leads().sent(),
          b.leads().received(),
          b.prices().judged(),
          b.prices().compliant(),
          a == null ? 0 : a.actions(),
          a == null ? 0 : a.officerTimes(),
          a == null ? 0 : a.vehicleTimes(),
          n == null ? 0 : n.merged(),
          f == null ? 0 : f.due(),
          f == null ? 0 : f.onTime());
    }

    /** These figures with the price compliance set. */
    public Totals withPrices(long judged, long compliant) {
      return new Totals(
          cases,
          sticks,
          valueFen,
          majorCases,
          transferredToPolice,
          detainedPersons,
          treasuryFen,
          leadsSent,
          leadsReceived,
          judged,
          compliant,
          jointActions,
          officerTimes,
          vehicleTimes,
          merged,
          feedbackDue,
          feedbackOnTime);
    }

    public Totals plus(Totals o) {
      return new Totals(
          cases + o.cases,
          sticks + o.sticks,
          valueFen + o.valueFen,
          majorCases + o.majorCases,
          transferredToPolice + o.transferredToPolice,
          detainedPersons + o.detainedPersons,
          treasuryFen + o.treasuryFen,
          leadsSent + o.leadsSent,
          leadsReceived + o.leadsReceived,
          priceJudged + o.priceJudged,
          priceCompliant + o.priceCompliant,
          jointActions + o.jointActions,
          officerTimes + o.officerTimes,
          vehicleTimes + o.vehicleTimes,
          merged + o.merged,
          feedbackDue + o.feedbackDue,
          feedbackOnTime + o.feedbackOnTime);
    }

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
