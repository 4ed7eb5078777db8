package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.network.Verdict;
import io.liaison.api.report.Period;
import io.liaison.api.reward.Settlement;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.action.PlanRecord;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.network.MergeDecision;
import io.liaison.node.network.MergeService;
import io.liaison.node.network.MergeStatus;
import io.liaison.node.price.PriceService;
import io.liaison.node.reward.RewardService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared records a report is computed from, kept ready by {@link ReportFacts} from this node's
 * store (every record in it was verified before it was stored): the newest version of every case,
 * the facts of every lead (routing metadata and steps, readable on every node, sealed or not), of
 * every joint action (outline, completion, results) and of every merge proposal (signed decisions),
 * plus the price figures of {@link PriceFigures}. Blocking: call on a worker thread.
 */
final class SharedRecords {
  private static final Logger LOG = LoggerFactory.getLogger(SharedRecords.class);

  final List<? extends CountedCase> cases;
  final List<LeadFact> leads;
  final List<ActionFact> actions;
  final List<MergeFact> merges;
  final List<Settlement> settlements;
  private final PriceService prices;

  SharedRecords(
      List<? extends CountedCase> cases,
      List<LeadFact> leads,
      List<ActionFact> actions,
      List<MergeFact> merges,
      List<Settlement> settlements,
      PriceService prices) {
    this.cases = cases;
    this.leads = leads;
    this.actions = actions;
    this.merges = merges;
    this.settlements = settlements;
    this.prices = prices;
  }

  ReportEngine.Sources sources() {
    return new ReportEngine.Sources(cases, leads, actions, merges, settlements);
  }

  /**
   * Reads and parses every case, lead, plan and merge decision from {@code s} (store thread): the
   * brute-force read that {@link ReportFacts} keeps ready instead (the tests compare the two).
   */
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
    List<ActionFact> actions = new ArrayList<>();
    for (StoredRecord r : s.records(PlanRecord.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        actions.add(ActionFact.of(PlanRecord.parse(r.id(), r.body())));
      } catch (RuntimeException e) {
        LOG.warn("report skips an unreadable stored plan id={}", r.id());
      }
    }
    Map<String, List<MergeService.Signed>> byProposal = new TreeMap<>();
    for (StoredRecord r : s.records(MergeService.KIND, null, null, Integer.MAX_VALUE)) {
      try {
        SignedEnvelope env = SignedEnvelope.fromJson(r.body().getBytes(StandardCharsets.UTF_8));
        MergeDecision d = MergeDecision.of(env.payload());
        byProposal
            .computeIfAbsent(d.proposalId(), k -> new ArrayList<>())
            .add(new MergeService.Signed(d, env));
      } catch (RuntimeException e) {
        LOG.warn("report skips an unreadable stored merge decision id={}", r.id());
      }
    }
    List<MergeFact> merges = new ArrayList<>();
    byProposal.forEach((id, decisions) -> merges.add(merge(id, decisions)));
    return new SharedRecords(
        List.copyOf(cases),
        List.copyOf(leads),
        List.copyOf(actions),
        List.copyOf(merges),
        RewardService.settlements(s),
        prices);
  }

  /** The records of {@code facts} with the settlements read from the store (store thread). */
  static SharedRecords of(ReportFacts.Snapshot facts, Store s, PriceService prices) {
    return new SharedRecords(
        facts.cases(),
        facts.leads(),
        facts.actions(),
        facts.merges(),
        RewardService.settlements(s),
        prices);
  }

  /** A merge proposal's fact from its decisions in the order the store lists them. */
  static MergeFact merge(String id, List<MergeService.Signed> decisions) {
    List<BureauId> bureaus = decisions.get(0).decision().bureaus();
    List<MergeFact.Decision> ds = new ArrayList<>();
    for (MergeService.Signed d : decisions) {
      ds.add(
          new MergeFact.Decision(
              d.decision().bureau(),
              d.decision().decision() == Verdict.ACCEPT,
              d.envelope().signedAt()));
    }
    return new MergeFact(id, bureaus, ds, MergeStatus.of(bureaus, decisions).leadBureau());
  }

  /** Observations judged and compliant in {@code bureau}'s county over the period (blocking). */
  long[] compliance(BureauId bureau, Period period) {
    return prices == null ? new long[2] : PriceFacts.compliance(prices.book(), bureau, period);
  }

  /** The price figures of {@code bureau} for {@code period} (blocking). */
  PriceFacts prices(BureauId bureau, Period period) {
    return prices == null ? PriceFacts.NONE : PriceFacts.of(prices.book(), bureau, period);
  }
}
