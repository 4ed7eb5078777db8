package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.api.report.RegionalView;
import io.liaison.api.settings.RegionSettings;
import io.liaison.crypto.Member;
import io.liaison.node.price.PriceService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.TrustService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a report counts, on this node: its records kept ready from the store ({@link ReportFacts},
 * {@link SharedRecords}), the agreed rules in force during each period, a bureau's briefing, the
 * regional view and the printable page's comparison (docs/reports.md). {@link ReportService} signs
 * and shares what this computes.
 */
final class ReportCounts {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCounts.class);
  private final Vertx vertx;
  private final StoreExecutor store;
  private final TrustService trust;
  private final PriceService prices;
  private final Function<Instant, Optional<RegionSettings>> settings;
  private final Clock clock;
  private final ReportFacts facts;

  ReportCounts(
      Vertx vertx,
      StoreExecutor store,
      TrustService trust,
      PriceService prices,
      Function<Instant, Optional<RegionSettings>> settings,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.trust = trust;
    this.prices = prices;
    this.settings = settings;
    this.clock = clock;
    this.facts = new ReportFacts(vertx, store);
  }

  /**
   * The briefing of {@code bureau} for {@code period} from this node's records as of now (not
   * signed).
   */
  Future<Briefing> compute(BureauId bureau, Period period, String notes) {
    return compute(bureau, period, notes, now());
  }

  /**
   * The briefing counted as of {@code asOf} (a report's signing time: a neighbour's recount uses
   * the issuer's), with the rules in force during the period.
   */
  Future<Briefing> compute(BureauId bureau, Period period, String notes, Instant asOf) {
    ReportEngine.Rules rules = rules(period, asOf);
    return records().compose(r -> blocking(() -> briefing(r, rules, bureau, period, notes)));
  }

  private static Briefing briefing(
      SharedRecords r, ReportEngine.Rules rules, BureauId b, Period p, String notes) {
    return ReportEngine.briefing(b, p, r.sources(), rules, r.prices(b, p), notes);
  }

  /**
   * The agreed rules (协作约定) in force during the period — at its last moment, or at {@code asOf} if
   * that comes first (review-3 F13: a past period is not recounted with today's rules) — with their
   * major-case value and feedback period (nothing agreed: 5万元 and no feedback period), counted as
   * of {@code asOf}.
   */
  ReportEngine.Rules rules(Period period, Instant asOf) {
    return rules(settings, period, asOf);
  }

  static ReportEngine.Rules rules(
      Function<Instant, Optional<RegionSettings>> settings, Period period, Instant asOf) {
    Instant end = Instant.ofEpochSecond(Window.of(period).untilSecond()).minusMillis(1);
    Instant at = asOf.isBefore(end) ? asOf : end;
    return settings
        .apply(at)
        .map(s -> new ReportEngine.Rules(s.majorCaseThresholdFen(), s.feedbackPeriodDays()))
        .orElse(ReportEngine.Rules.DEFAULT)
        .asOf(asOf);
  }

  /** The rules of each period, as of {@code asOf}. */
  private List<ReportEngine.Rules> rules(List<Period> periods, Instant asOf) {
    return periods.stream().map(p -> rules(p, asOf)).toList();
  }

  /**
   * The records as of now: the facts kept ready ({@link ReportFacts}, caught up with the store) and
   * the settlements, read from the store (few).
   */
  Future<SharedRecords> records() {
    return facts.current().compose(f -> store.call(s -> SharedRecords.of(f, s, prices)));
  }

  /** Starts reading the facts from the store, so the first report need not wait for all of it. */
  void warm() {
    facts
        .current()
        .onSuccess(f -> LOG.info("report facts ready seq={} cases={}", f.seq(), f.cases().size()))
        .onFailure(e -> LOG.warn("report facts not read at start: {}", e.toString()));
  }

  /**
   * Every roster bureau side by side with the period before and the year before: one pass over the
   * records for all bureaus and the three periods ({@link ReportEngine#totals}).
   */
  Future<RegionalView> regional(Period period) {
    List<BureauId> bureaus =
        trust.roster().members().stream().map(Member::bureau).sorted().toList();
    List<Period> periods = List.of(period, period.previous(), period.yearBefore());
    List<ReportEngine.Rules> rules = rules(periods, now());
    return records()
        .compose(
            r ->
                store
                    .call(s -> issuedBureaus(s, period))
                    .compose(
                        issued ->
                            blocking(
                                () -> {
                                  RegionalView.Totals[][] t = totals(r, rules, bureaus, periods);
                                  List<RegionalView.Row> rows = new ArrayList<>();
                                  RegionalView.Totals region = RegionalView.Totals.ZERO;
                                  for (int b = 0; b < bureaus.size(); b++) {
                                    rows.add(
                                        new RegionalView.Row(
                                            bureaus.get(b),
                                            issued.contains(bureaus.get(b)),
                                            t[b][0],
                                            t[b][1],
                                            t[b][2]));
                                    region = region.plus(t[b][0]);
                                  }
                                  return new RegionalView(
                                      period, period.previous(), period.yearBefore(), rows, region);
                                })));
  }

  /** The headline figures of each bureau and period, with the price compliance added. */
  static RegionalView.Totals[][] totals(
      SharedRecords r,
      List<ReportEngine.Rules> rules,
      List<BureauId> bureaus,
      List<Period> periods) {
    RegionalView.Totals[][] t = ReportEngine.totals(bureaus, periods, r.sources(), rules);
    for (int b = 0; b < bureaus.size(); b++) {
      for (int p = 0; p < periods.size(); p++) {
        long[] c = r.compliance(bureaus.get(b), periods.get(p));
        t[b][p] = t[b][p].withPrices(c[0], c[1]);
      }
    }
    return t;
  }

  private static List<BureauId> issuedBureaus(Store s, Period period) {
    List<BureauId> out = new ArrayList<>();
    for (StoredRecord r : s.records(ReportService.KIND, null, null, Integer.MAX_VALUE)) {
      if (r.id().endsWith("-" + period.label())) {
        out.add(BureauId.of(r.origin()));
      }
    }
    return out;
  }

  ReportPage.Comparison comparison(SharedRecords r, BureauId bureau, Period period) {
    List<Period> before = List.of(period.previous(), period.yearBefore());
    RegionalView.Totals[][] t = totals(r, rules(before, now()), List.of(bureau), before);
    return new ReportPage.Comparison(period.previous(), t[0][0], period.yearBefore(), t[0][1]);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
