package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The feedback duties of a lead (docs/reports.md "Feedback on time"), walked over its steps without
 * building anything per lead: a bureau owes feedback from its claim or accepted hand-over; its next
 * feedback or close answers the duty; the duty ends without an answer when the lead leaves the
 * bureau (it released it, another bureau accepted a hand-over, withdrawn, expired) and then counts
 * only if its deadline had passed. Only the bureaus of {@code index} are followed.
 *
 * <p>Counted as of an instant ({@code asOf}, null: the end of the records held): an answer given
 * after it is not yet given, and a duty without an answer whose deadline is after it is not yet due
 * and not told (review-3 F15: it is neither due nor unanswered).
 */
final class FeedbackDuties {
  /** Told every duty: the bureau's index, its deadline, its answer (null: none). */
  interface Sink {
    void duty(int bureau, Instant deadline, Instant answeredAt);
  }

  private final Map<BureauId, Integer> index;
  private final Duration period;
  private final Instant asOf;
  private final Instant[] since;

  /**
   * Follows the bureaus of {@code index} (values 0 .. size - 1) under a period of {@code days}, as
   * of {@code asOf} (null: every record held).
   */
  FeedbackDuties(Map<BureauId, Integer> index, int size, int days, Instant asOf) {
    this.index = index;
    this.period = Duration.ofDays(days);
    this.asOf = asOf;
    this.since = new Instant[size];
  }

  /** Tells {@code out} every duty of the followed bureaus on {@code lead}. */
  void walk(LeadFact lead, Sink out) {
    Arrays.fill(since, null);
    for (LeadFact.Step s : lead.steps()) {
      LeadEvent e = s.event();
      Integer who = index.get(s.bureau());
      switch (e) {
        case CLAIM -> {
          if (who != null && since[who] == null) {
            since[who] = s.at();
          }
        }
        case ACCEPT_HANDOVER -> {
          for (int b = 0; b < since.length; b++) {
            if (since[b] != null && (who == null || b != who)) {
              leave(b, s.at(), out);
            }
          }
          if (who != null && since[who] == null) {
            since[who] = s.at();
          }
        }
        case FEEDBACK, CLOSE -> {
          if (who != null && since[who] != null) {
            tell(who, since[who].plus(period), s.at(), out);
            since[who] = null;
          }
        }
        case RELEASE -> {
          if (who != null && since[who] != null) {
            leave(who, s.at(), out);
          }
        }
        case WITHDRAW, EXPIRE -> {
          for (int b = 0; b < since.length; b++) {
            if (since[b] != null) {
              leave(b, s.at(), out);
            }
          }
        }
        default -> {}
      }
    }
    for (int b = 0; b < since.length; b++) {
      if (since[b] != null) {
        tell(b, since[b].plus(period), null, out);
      }
    }
  }

  private void leave(int b, Instant at, Sink out) {
    Instant deadline = since[b].plus(period);
    if (deadline.isBefore(at)) {
      tell(b, deadline, null, out);
    }
    since[b] = null;
  }

  private void tell(int b, Instant deadline, Instant answeredAt, Sink out) {
    if (asOf != null) {
      if (answeredAt != null && answeredAt.isAfter(asOf)) {
        answeredAt = null;
      }
      if (answeredAt == null && deadline.isAfter(asOf)) {
        return;
      }
    }
    out.duty(b, deadline, answeredAt);
  }
}
