package io.liaison.node.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.settings.RegionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which overdue notices are due when, under agreed rules. */
class OverdueRulesTest {
  static final Instant CLAIMED = Instant.parse("2026-03-01T02:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  static RegionSettings rules(int period, int remind, int escalate) {
    return new RegionSettings(1, period, remind, escalate, 5_000_000L, "协作约定");
  }

  static List<String> owner(RegionSettings r, Duration after) {
    return OverdueRules.forOwner(r, CLAIMED, CLAIMED.plus(after)).stream()
        .map(OverdueRules.Notice::kind)
        .toList();
  }

  @Test
  void nothingWithinThePeriodThenTheFirstNoticeThenOneReminderPerIntervalThenEscalation() {
    RegionSettings r = rules(10, 5, 15);
    assertThat(owner(r, DAY.multipliedBy(10).minusMillis(1))).isEmpty();
    assertThat(owner(r, DAY.multipliedBy(10))).containsExactly("lead.overdue");
    assertThat(owner(r, DAY.multipliedBy(15).minusMillis(1))).containsExactly("lead.overdue");
    long at = CLAIMED.toEpochMilli();
    assertThat(owner(r, DAY.multipliedBy(15)))
        .containsExactly("lead.overdue", "lead.overdue.reminder@" + at + "#1");
    // the latest reminder only (not each one missed while the node was down)
    assertThat(owner(r, DAY.multipliedBy(24)))
        .containsExactly("lead.overdue", "lead.overdue.reminder@" + at + "#2");
    assertThat(owner(r, DAY.multipliedBy(25)))
        .containsExactly(
            "lead.overdue", "lead.overdue.reminder@" + at + "#3", "lead.overdue.escalated@" + at);
    assertThat(
            OverdueRules.forOrigin(r, CLAIMED, CLAIMED.plus(DAY.multipliedBy(25)).minusMillis(1)))
        .isEmpty();
    assertThat(OverdueRules.forOrigin(r, CLAIMED, CLAIMED.plus(DAY.multipliedBy(25))))
        .extracting(OverdueRules.Notice::kind)
        .containsExactly("lead.overdue.escalated.origin@" + at);
  }

  @Test
  void zeroMeansASingleNoticeAndNeverEscalate() {
    RegionSettings r = rules(3, 0, 0);
    assertThat(owner(r, DAY.multipliedBy(300))).containsExactly("lead.overdue");
    assertThat(OverdueRules.forOrigin(r, CLAIMED, CLAIMED.plus(DAY.multipliedBy(300)))).isEmpty();
    assertThat(OverdueRules.escalationAfterClaim(r)).isNull();
  }

  @Test
  void aLeadClaimedAgainStartsItsRemindersAndEscalationOver() {
    RegionSettings r = rules(1, 1, 1);
    Instant again = CLAIMED.plus(DAY.multipliedBy(10));
    List<String> first =
        OverdueRules.forOwner(r, CLAIMED, again).stream().map(OverdueRules.Notice::kind).toList();
    List<String> second =
        OverdueRules.forOwner(r, again, again.plus(DAY.multipliedBy(3))).stream()
            .map(OverdueRules.Notice::kind)
            .toList();
    assertThat(second.subList(1, second.size())).doesNotContainAnyElementsOf(first);
  }
}
