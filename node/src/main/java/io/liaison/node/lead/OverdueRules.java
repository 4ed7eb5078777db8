package io.liaison.node.lead;

import io.liaison.api.settings.RegionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overdue rules the bureaus agreed (协作约定), acted on: a lead claimed at {@code claimedAt} and
 * still without feedback is overdue once the feedback period has passed; the owner is reminded
 * again every {@code overdueRemindDays} while it stays so; after {@code escalateAfterDays} overdue
 * the notice is escalated (to the owner's chief and to the origin bureau). Pure: which notices are
 * due at {@code now}; the sweeper keeps each one once ({@code kind} is its once-key, tied to the
 * claim so that a lead claimed again starts over).
 */
public final class OverdueRules {
  /** First notice to the owner: the feedback period has passed. */
  public static final String OVERDUE = "lead.overdue";

  /** A repeated notice to the owner, every agreed reminder interval. */
  public static final String REMINDER = "lead.overdue.reminder";

  /** Overdue past the agreed escalation days: told to the owner's chief and to the origin. */
  public static final String ESCALATED = "lead.overdue.escalated";

  private OverdueRules() {}

  /**
   * One notice due: its event {@code type}, the once-key {@code kind}, the reminder's number (1 for
   * the first reminder; 0 otherwise) and since when the lead is overdue.
   */
  public record Notice(String type, String kind, int reminder, Instant overdueSince) {}

  /** When a lead claimed at {@code claimedAt} becomes overdue under {@code rules}. */
  public static Instant overdueAt(RegionSettings rules, Instant claimedAt) {
    return claimedAt.plus(Duration.ofDays(rules.feedbackPeriodDays()));
  }

  /**
   * The notices due to the owner at {@code now} (without feedback since {@code claimedAt}): the
   * first notice, the latest reminder (not each one missed while the node was down), the
   * escalation.
   */
  public static List<Notice> forOwner(RegionSettings rules, Instant claimedAt, Instant now) {
    Instant since = overdueAt(rules, claimedAt);
    List<Notice> out = new ArrayList<>();
    if (now.isBefore(since)) {
      return out;
    }
    // the first notice keeps its once-key of before (one per lead), so no lead told before is told
    // again after an upgrade
    out.add(new Notice(OVERDUE, OVERDUE, 0, since));
    long overdueMillis = Duration.between(since, now).toMillis();
    if (rules.overdueRemindDays() > 0) {
      long n = overdueMillis / Duration.ofDays(rules.overdueRemindDays()).toMillis();
      if (n >= 1) {
        out.add(
            new Notice(
                REMINDER, REMINDER + "@" + claimedAt.toEpochMilli() + "#" + n, (int) n, since));
      }
    }
    escalation(rules, claimedAt, now, "").ifPresent(out::add);
    return out;
  }

  /** The notice due to the origin bureau at {@code now}: the escalation only. */
  public static List<Notice> forOrigin(RegionSettings rules, Instant claimedAt, Instant now) {
    return escalation(rules, claimedAt, now, ".origin").stream().toList();
  }

  /** How long after the claim the escalation is due, or null when the rules never escalate. */
  public static Duration escalationAfterClaim(RegionSettings rules) {
    return rules.escalateAfterDays() == 0
        ? null
        : Duration.ofDays((long) rules.feedbackPeriodDays() + rules.escalateAfterDays());
  }

  private static Optional<Notice> escalation(
      RegionSettings rules, Instant claimedAt, Instant now, String side) {
    Duration after = escalationAfterClaim(rules);
    if (after == null || now.isBefore(claimedAt.plus(after))) {
      return Optional.empty();
    }
    return Optional.of(
        new Notice(
            ESCALATED,
            ESCALATED + side + "@" + claimedAt.toEpochMilli(),
            0,
            overdueAt(rules, claimedAt)));
  }
}
