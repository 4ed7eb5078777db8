package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.report.FeedbackFigures;
import io.liaison.api.report.LeadFigures;
import java.util.Map;

/**
 * The leads and feedback-on-time sections of a briefing (docs/reports.md "Leads", "Feedback on
 * time"), counted in one pass over the leads.
 */
final class LeadSection {
  private LeadSection() {}

  /** The lead figures and the feedback on time of one bureau, counted in one pass. */
  record LeadCounts(LeadFigures leads, FeedbackFigures feedback) {}

  /**
   * One pass over the leads: the posts and signed steps of {@code bureau} in the period, and its
   * feedback duties due in the period (walked only on leads with a step of the bureau: a duty opens
   * with its own claim or accepted hand-over).
   */
  static LeadCounts count(
      BureauId bureau, Window period, Iterable<LeadFact> all, ReportEngine.Rules rules) {
    int days = rules.feedbackDays();
    long sent = 0;
    long received = 0;
    long claimed = 0;
    long offered = 0;
    long accepted = 0;
    long feedback = 0;
    long closed = 0;
    long opened = 0;
    long unfounded = 0;
    long merged = 0;
    long transferred = 0;
    long withdrawn = 0;
    // due, on time, late, unanswered
    long[] fb = new long[4];
    FeedbackDuties duties =
        days > 0 ? new FeedbackDuties(Map.of(bureau, 0), 1, days, rules.asOf()) : null;
    FeedbackDuties.Sink sink =
        (b, deadline, answeredAt) -> {
          if (!period.contains(deadline)) {
            return;
          }
          fb[0]++;
          if (answeredAt == null) {
            fb[3]++;
          } else if (answeredAt.isAfter(deadline)) {
            fb[2]++;
          } else {
            fb[1]++;
          }
        };
    for (LeadFact l : all) {
      if (period.contains(l.postedAt())) {
        if (l.origin().equals(bureau)) {
          sent++;
        } else if (l.addressedTo(bureau)) {
          received++;
        }
      }
      boolean involved = false;
      for (LeadFact.Step s : l.steps()) {
        if (!s.bureau().equals(bureau)) {
          continue;
        }
        involved = true;
        if (!period.contains(s.at())) {
          continue;
        }
        switch (s.event()) {
          case CLAIM -> claimed++;
          case OFFER_HANDOVER -> offered++;
          case ACCEPT_HANDOVER -> accepted++;
          case FEEDBACK -> feedback++;
          case WITHDRAW -> withdrawn++;
          case CLOSE -> {
            closed++;
            if (s.outcome() != null) {
              switch (s.outcome()) {
                case CASE_OPENED -> opened++;
                case UNFOUNDED -> unfounded++;
                case MERGED -> merged++;
                case TRANSFERRED_TO_POLICE -> transferred++;
              }
            }
          }
          default -> {}
        }
      }
      if (involved && duties != null) {
        duties.walk(l, sink);
      }
    }
    return new LeadCounts(
        new LeadFigures(
            sent,
            received,
            claimed,
            offered,
            accepted,
            feedback,
            closed,
            opened,
            unfounded,
            merged,
            transferred,
            withdrawn),
        days <= 0 ? FeedbackFigures.NONE : new FeedbackFigures(days, fb[0], fb[1], fb[2], fb[3]));
  }
}
