package io.liaison.node.reward;

import io.liaison.api.cases.CaseRecord;
import io.liaison.api.lead.TransitionView;
import io.liaison.api.report.Period;
import io.liaison.api.reward.CreditReport;
import io.liaison.api.reward.RewardKind;
import io.liaison.api.reward.Settlement;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.SettlementStatement;
import io.liaison.api.reward.SharingRule;
import io.liaison.api.settings.RegionSettings;
import io.liaison.node.cases.CaseService;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.tables.Table;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reward ledger's reading side: credits and measures for a period from the shared cases and
 * leads this node holds, the settlement statement from the signed entries, and their tables.
 */
public final class RewardService {
  private static final Logger LOG = LoggerFactory.getLogger(RewardService.class);
  private final StoreExecutor store;
  private final Function<Instant, Optional<RegionSettings>> settings;
  private final Clock clock;
  private final Supplier<List<SharingRule>> rules;

  /**
   * @param settings the agreed settings to count a period ending at an instant with ({@code
   *     SettingsService.forCounting}), as the quarterly report reads them
   */
  public RewardService(
      StoreExecutor store,
      Function<Instant, Optional<RegionSettings>> settings,
      Clock clock,
      Supplier<List<SharingRule>> rules) {
    this.store = store;
    this.rules = rules;
    this.settings = settings;
    this.clock = clock;
  }

  public Future<CreditReport> credits(Period period) {
    long major = majorFen(settings, period, clock.instant());
    return store.call(s -> credits(s, period, major));
  }

  /**
   * The major-case value a period is counted with, as the quarterly report counts it: the agreed
   * value in force at the period's last moment (now, for a period not over yet; the first agreement
   * for a time before it), else 5万元 — never today's value for a period already past.
   */
  static long majorFen(
      Function<Instant, Optional<RegionSettings>> settings, Period period, Instant now) {
    Instant end = period.to().plusDays(1).atStartOfDay(Period.ZONE).toInstant().minusMillis(1);
    return settings
        .apply(now.isBefore(end) ? now : end)
        .map(RegionSettings::majorCaseThresholdFen)
        .orElse(CaseService.MAJOR_FEN);
  }

  /** The same on the store thread (blocking). */
  public static CreditReport credits(Store s, Period period, long majorFen) {
    return RewardLedger.credits(cases(s), leads(s), period, majorFen);
  }

  /**
   * The statement of the period, each informant's reward beside what the signed rule gives for the
   * case as this node holds it.
   */
  public Future<SettlementStatement> statement(Period period) {
    List<SharingRule> agreed = rules.get();
    return store.call(
        s ->
            RewardLedger.statement(
                SettlementService.of(s, null),
                period,
                d -> RewardLedger.informantDue(d, caseOf(s, d), agreed)));
  }

  /** The case an informant's entry is for, newest version held, or null. */
  static CaseRecord caseOf(Store s, SettlementDraft d) {
    return d.kind() == RewardKind.INFORMANT ? SettlementChecks.heldCase(s, d).orElse(null) : null;
  }

  /** Every table of the period (credits, measures, statement). */
  public Future<List<Table>> tables(Period period) {
    return credits(period).compose(c -> statement(period).map(st -> RewardTables.of(c, st)));
  }

  /** Every settlement entry held, for the briefing's reward section (store thread). */
  public static List<Settlement> settlements(Store s) {
    return SettlementService.of(s, null);
  }

  static List<CaseRecord> cases(Store s) {
    List<CaseRecord> out = new ArrayList<>();
    for (StoredRecord r : s.records(SharedCase.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        out.add(SharedCase.parse(r.id(), r.body()).current());
      } catch (RuntimeException e) {
        LOG.warn("reward ledger skips an unreadable stored case id={}", r.id());
      }
    }
    return out;
  }

  static Map<String, RewardLedger.LeadOf> leads(Store s) {
    Map<String, RewardLedger.LeadOf> out = new HashMap<>();
    for (StoredRecord r : s.records(LeadRecord.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        LeadRecord l = LeadRecord.parse(r.id(), r.body());
        out.put(
            l.lead().id(),
            new RewardLedger.LeadOf(
                l.lead().id(),
                l.lead().originBureau(),
                l.lead().officer(),
                l.history().stream().map(RewardService::step).toList()));
      } catch (RuntimeException e) {
        LOG.warn("reward ledger skips an unreadable stored lead id={}", r.id());
      }
    }
    return out;
  }

  private static RewardLedger.LeadOf.Step step(TransitionView t) {
    return new RewardLedger.LeadOf.Step(t.event(), t.bureau(), t.officer(), t.outcome());
  }
}
