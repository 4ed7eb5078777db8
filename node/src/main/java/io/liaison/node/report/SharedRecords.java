package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.Dimension;
import io.liaison.api.report.Period;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.price.BorderPairs;
import io.liaison.node.price.PriceFigures;
import io.liaison.node.price.PriceService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared records a report is computed from, read from this node's store (every record in it was
 * verified before it was stored): the newest version of every case and the facts of every lead
 * (routing metadata and steps, readable on every node, sealed or not), plus the price figures of
 * {@link PriceFigures}. Blocking: call on a worker thread.
 */
final class SharedRecords {
  private static final Logger LOG = LoggerFactory.getLogger(SharedRecords.class);

  final List<CaseRecord> cases;
  final List<LeadFact> leads;
  private final PriceService prices;

  private SharedRecords(List<CaseRecord> cases, List<LeadFact> leads, PriceService prices) {
    this.cases = cases;
    this.leads = leads;
    this.prices = prices;
  }

  /** Reads every case and lead from {@code s} (store thread). */
  static SharedRecords read(Store s, PriceService prices) {
    List<CaseRecord> cases = new ArrayList<>();
    for (StoredRecord r : s.records(SharedCase.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        cases.add(SharedCase.parse(r.id(), r.body()).current());
      } catch (RuntimeException e) {
        LOG.warn("report skips an unreadable stored case id={}", r.id());
      }
    }
    List<LeadFact> leads = new ArrayList<>();
    for (StoredRecord r : s.records(LeadRecord.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        leads.add(LeadFact.of(LeadRecord.parse(r.id(), r.body())));
      } catch (RuntimeException e) {
        LOG.warn("report skips an unreadable stored lead id={}", r.id());
      }
    }
    return new SharedRecords(List.copyOf(cases), List.copyOf(leads), prices);
  }

  /** The price figures of {@code bureau} for {@code period} (blocking). */
  PriceFacts prices(BureauId bureau, Period period) {
    if (prices == null) {
      return PriceFacts.NONE;
    }
    PriceFigures figures = new PriceFigures(prices.book());
    ComplianceFigures c = figures.compliance(Dimension.COUNTY, period.from(), period.to(), bureau);
    List<BorderPairs.Pair> pairs =
        prices.book().borderPairs().stream().filter(p -> p.involves(bureau)).toList();
    return new PriceFacts(
        c.total().judged(), c.total().compliant(), figures.gaps(period.from(), period.to(), pairs));
  }
}
