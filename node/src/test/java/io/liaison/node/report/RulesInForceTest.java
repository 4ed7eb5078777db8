package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.report.Period;
import io.liaison.api.settings.RegionSettings;
import io.liaison.node.settings.SettingsHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A period is counted with the agreed rules in force during it (review-3 F13): when the bureaus
 * raise the major-case value and shorten the feedback period, the quarters before keep theirs.
 */
class RulesInForceTest {
  private static final RegionSettings V1 = new RegionSettings(1, 15, 0, 0, 5_000_000L, "协作约定");
  private static final RegionSettings V2 = new RegionSettings(2, 10, 0, 0, 10_000_000L, "协作约定");
  private static final SettingsHistory HISTORY =
      new SettingsHistory(
          List.of(
              // signed in any order: v2 agreed on 3 July (Shanghai), v1 in January 2025
              new SettingsHistory.Entry(Instant.parse("2026-07-03T02:00:00Z"), V2),
              new SettingsHistory.Entry(Instant.parse("2025-01-10T02:00:00Z"), V1)));

  @Test
  void eachPeriodTakesTheRulesInForceDuringIt() {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    ReportEngine.Rules q2 = ReportService.rules(HISTORY::at, Period.quarter(2026, 2), now);
    assertThat(q2).isEqualTo(new ReportEngine.Rules(5_000_000L, 15, now));
    ReportEngine.Rules q3 = ReportService.rules(HISTORY::at, Period.quarter(2026, 3), now);
    assertThat(q3).isEqualTo(new ReportEngine.Rules(10_000_000L, 10, now));
    // before anything was agreed: 5万元 and nothing due
    ReportEngine.Rules q4of2024 = ReportService.rules(HISTORY::at, Period.quarter(2024, 4), now);
    assertThat(q4of2024).isEqualTo(ReportEngine.Rules.DEFAULT.asOf(now));
    // a period not over yet: the rules in force now (as of), not at its end
    Instant july1 = Instant.parse("2026-07-01T04:00:00Z");
    assertThat(ReportService.rules(HISTORY::at, Period.quarter(2026, 3), july1))
        .isEqualTo(new ReportEngine.Rules(5_000_000L, 15, july1));
  }

  @Test
  void theNewestVersionAgreedByThenWins() {
    assertThat(HISTORY.at(Instant.parse("2025-01-10T01:59:59Z"))).isEmpty();
    assertThat(HISTORY.at(Instant.parse("2025-01-10T02:00:00Z"))).contains(V1);
    assertThat(HISTORY.at(Instant.parse("2026-07-03T01:59:59Z"))).contains(V1);
    assertThat(HISTORY.at(Instant.parse("2026-07-03T02:00:00Z"))).contains(V2);
    assertThat(SettingsHistory.NONE.at(Instant.parse("2026-07-03T02:00:00Z"))).isEmpty();
  }
}
