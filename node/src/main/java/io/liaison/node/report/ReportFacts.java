package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.action.PlanRecord;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.network.MergeDecision;
import io.liaison.node.network.MergeService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reports count, kept ready in memory instead of read and parsed from the store for every
 * report (issue 30's benchmark: at 1M cases the read was tens of seconds): the counted facts
 * ({@link CaseFact}, no narrative) of the newest version of every case, the facts of every lead,
 * joint action and merge decision, by record id, as {@link SharedRecords#read} would read them.
 * They follow the store's change log ({@link Store#changesAfter(long, java.util.Collection, int)}),
 * the log the search index tails: every insert or content change of a record moves it to the end of
 * the log, so reading the log from the last position seen gives each changed record's latest
 * content, which replaces what was kept under its id. Before each report the facts catch up to the
 * end of the log as it is then, so a report counts every record committed before it was asked for;
 * the first catch-up after start reads the whole log (a page at a time, so the store thread is
 * never held for long).
 *
 * <p>Catch-ups run one after another ({@link #current}); the kept maps are touched only by them,
 * and a report counts an immutable {@link Snapshot} (rebuilt only when something changed).
 */
public final class ReportFacts {
  private static final Logger LOG = LoggerFactory.getLogger(ReportFacts.class);

  /** The kinds of record a report counts (prices are in the price book, settlements read apart). */
  static final List<String> KINDS =
      List.of(SharedCase.KIND, LeadRecord.KIND, PlanRecord.KIND, MergeService.KIND);

  /** Changes read from the store in one call. */
  static final int PAGE = 5_000;

  private final Vertx vertx;
  private final StoreExecutor store;
  private final int pageSize;

  // touched only by the catch-up chain, one step at a time; guarded by this for visibility
  private long seq;
  private final Map<CaseKey, CaseFact> cases = new HashMap<>();
  // keyed by each fact's own id (the change's id is an equal string of its own)
  private final Map<String, LeadFact> leads = new HashMap<>();
  private final Map<String, ActionFact> actions = new HashMap<>();
  private final Map<String, Decision> decisions = new HashMap<>();
  private Snapshot snapshot;
  private Future<Snapshot> tail = Future.succeededFuture();

  /**
   * Where a case's fact is kept: its bureau and case number, the fact's own instances. The record
   * id ({@code case:<bureau>:<number>}, ~100 bytes as a string of Chinese text) kept as the key was
   * a fifth of what a node's heap grew by per shared case (issue 32, docs/benchmarks.md "Heap").
   */
  private record CaseKey(BureauId bureau, CaseNumber number) {
    static CaseKey of(CaseFact f) {
      return new CaseKey(f.bureau(), f.caseNumber());
    }

    /** The key of record id {@code case:<bureau>:<number>}; null for an id of any other form. */
    static CaseKey of(String id) {
      if (!id.startsWith(CASE_PREFIX)) {
        return null;
      }
      int at = id.indexOf(':', CASE_PREFIX.length());
      if (at < 0) {
        return null;
      }
      try {
        return new CaseKey(
            BureauId.of(id.substring(CASE_PREFIX.length(), at)),
            CaseNumber.of(id.substring(at + 1)));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  private static final String CASE_PREFIX = "case:";

  /** One stored merge decision with the place the store would list it (newest first). */
  private record Decision(String id, Instant postedAt, MergeService.Signed signed) {}

  /** The records counted, as of change-log position {@code seq}; immutable. */
  public record Snapshot(
      long seq,
      List<CaseFact> cases,
      List<LeadFact> leads,
      List<ActionFact> actions,
      List<MergeFact> merges) {}

  public ReportFacts(Vertx vertx, StoreExecutor store) {
    this(vertx, store, PAGE);
  }

  /** With pages of {@code pageSize} changes (tests: a catch-up over many pages). */
  ReportFacts(Vertx vertx, StoreExecutor store, int pageSize) {
    this.vertx = vertx;
    this.store = store;
    this.pageSize = pageSize;
  }

  /**
   * The facts caught up with every record committed before this call (after any catch-up already
   * asked for).
   */
  public Future<Snapshot> current() {
    synchronized (this) {
      Future<Snapshot> next = tail.transform(ignored -> catchUp());
      tail = next;
      return next;
    }
  }

  /** The records counted, for the report engine (with no settlements: read apart). */
  public Future<ReportEngine.Sources> sources() {
    return current().map(s -> new ReportEngine.Sources(s.cases, s.leads, s.actions, s.merges));
  }

  private Future<Snapshot> catchUp() {
    long from;
    synchronized (this) {
      from = seq;
    }
    return store
        .call(s -> page(s, from, pageSize))
        .compose(p -> vertx.executeBlocking(() -> apply(p), false))
        .compose(done -> done ? Future.succeededFuture(snapshot()) : catchUp());
  }

  /** Changes after {@code from}; {@code end} is the end of the log when this page is its last. */
  private record Page(List<Store.Change> changes, long end) {}

  private static Page page(Store s, long from, int pageSize) {
    List<Store.Change> changes = s.changesAfter(from, KINDS, pageSize);
    // read on the store thread right after the page: nothing was committed in between
    return new Page(changes, changes.size() < pageSize ? s.lastChangeSeq() : -1);
  }

  /** Parses and keeps a page of changes; true when it was the last page. */
  private boolean apply(Page p) {
    // parsing is the cost (a first catch-up parses every record): both cores for a full page
    List<Object> parsed =
        (p.changes().size() > 1000 ? p.changes().parallelStream() : p.changes().stream())
            .map(ReportFacts::parse)
            .toList();
    synchronized (this) {
      for (int i = 0; i < parsed.size(); i++) {
        Store.Change c = p.changes().get(i);
        String id = c.record().id();
        Object fact = parsed.get(i);
        // an unreadable record is not counted (as SharedRecords.read skips it), nor its older copy
        // the id a case is stored under is its bureau and number (SharedCase.parse checks): a
        // case's own key, read off its fact; only an unreadable record's id is parsed
        CaseKey caseKey = fact instanceof CaseFact r ? CaseKey.of(r) : CaseKey.of(id);
        if (caseKey != null) {
          cases.remove(caseKey);
        }
        leads.remove(id);
        actions.remove(id);
        decisions.remove(id);
        if (fact instanceof CaseFact r) {
          cases.put(caseKey, r);
        } else if (fact instanceof LeadFact l) {
          leads.put(l.id().equals(id) ? l.id() : id, l);
        } else if (fact instanceof ActionFact a) {
          actions.put(id, a);
        } else if (fact instanceof MergeService.Signed d) {
          decisions.put(id, new Decision(id, c.record().postedAt(), d));
        }
        seq = c.seq();
      }
      if (!parsed.isEmpty()) {
        snapshot = null;
      }
      if (p.end() >= 0) {
        seq = Math.max(seq, p.end());
        return true;
      }
      return false;
    }
  }

  /** The fact a stored record gives the report, or {@code Boolean.FALSE} when it is unreadable. */
  private static Object parse(Store.Change c) {
    String id = c.record().id();
    String kind = c.record().kind();
    String body = c.record().body();
    try {
      return switch (kind) {
        case SharedCase.KIND -> slim(SharedCase.parse(id, body).current());
        case LeadRecord.KIND -> LeadFact.of(LeadRecord.parse(id, body));
        case PlanRecord.KIND -> ActionFact.of(PlanRecord.parse(id, body));
        case MergeService.KIND -> {
          SignedEnvelope env = SignedEnvelope.fromJson(body.getBytes(StandardCharsets.UTF_8));
          yield new MergeService.Signed(MergeDecision.of(env.payload()), env);
        }
        default -> Boolean.FALSE;
      };
    } catch (RuntimeException e) {
      LOG.warn("report skips an unreadable stored {} id={}", kind, id);
      return Boolean.FALSE;
    }
  }

  /**
   * The case as the facts keep it ({@link CaseFact}): without its narrative, entities, location and
   * items (up to 20,000 characters and 500 entities that no figure reads; a node with 1M cases
   * would hold them for nothing), with what {@link CaseSection}, {@link RewardSection} and {@link
   * RegionalTotals} read.
   */
  static CaseFact slim(CaseRecord c) {
    return CaseFact.of(c);
  }

  private synchronized Snapshot snapshot() {
    if (snapshot == null) {
      // merge decisions by proposal, each proposal's in the order the store lists them
      Map<String, List<Decision>> byProposal = new TreeMap<>();
      for (Decision d : decisions.values()) {
        byProposal
            .computeIfAbsent(d.signed().decision().proposalId(), k -> new ArrayList<>())
            .add(d);
      }
      List<MergeFact> merges = new ArrayList<>(byProposal.size());
      byProposal.forEach(
          (id, ds) -> {
            ds.sort(
                Comparator.comparing(Decision::postedAt).thenComparing(Decision::id).reversed());
            merges.add(SharedRecords.merge(id, ds.stream().map(Decision::signed).toList()));
          });
      snapshot =
          new Snapshot(
              seq,
              List.copyOf(cases.values()),
              List.copyOf(leads.values()),
              List.copyOf(actions.values()),
              List.copyOf(merges));
    }
    return snapshot;
  }
}
