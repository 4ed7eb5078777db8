package io.liaison.node.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Verdict;
import io.liaison.api.report.Briefing;
import io.liaison.api.report.Period;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.cases.SharedCase;
import io.liaison.node.network.MergeDecision;
import io.liaison.node.network.MergeService;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.SignedIntake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts a report counts, kept ready from a real store file ({@link ReportFacts}), against the
 * brute-force read of every stored record ({@link SharedRecords#read}): the same briefings for
 * every bureau and quarter, before and after records are committed once the facts were loaded — a
 * new case is counted in the next report, and a newer version of a case replaces the older one's
 * figures.
 */
class ReportFactsTest {
  static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");
  static final List<Period> QUARTERS =
      List.of(
          Period.quarter(2025, 1),
          Period.quarter(2025, 2),
          Period.quarter(2025, 3),
          Period.quarter(2025, 4),
          Period.quarter(2026, 1),
          Period.quarter(2026, 4));

  @TempDir Path dir;
  Vertx vertx;
  Store store;
  StoreExecutor exec;
  final Map<BureauId, EnvelopeSigner> signers = new HashMap<>();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store = Store.open(dir.resolve("liaison.db"));
    exec = new StoreExecutor(vertx, store, "report-facts-test-store");
    for (BureauId b : RecordGenerator.BUREAUS) {
      signers.put(b, new EnvelopeSigner(b, SigningKeyPair.generate()));
    }
  }

  @AfterEach
  void close() throws Exception {
    exec.close();
    store.close();
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** A case record as stored: version 1 of {@code c}, signed by its bureau. */
  SharedCase first(CaseRecord c) {
    return SharedCase.first(
        signers
            .get(c.bureau())
            .sign(SharedCase.payload(revised(c, 1, c.valueFen())), Hashes.GENESIS, AT));
  }

  /** {@code rec} with a next version of value {@code valueFen} and another kind. */
  SharedCase next(SharedCase rec, long valueFen, CaseCategory category) {
    CaseRecord c = rec.current();
    CaseRecord v =
        new CaseRecord(
            c.caseNumber(),
            c.bureau(),
            category,
            c.foundOn(),
            c.filedOn(),
            c.closedOn(),
            c.location(),
            c.entities(),
            c.items(),
            valueFen,
            c.disposition(),
            c.fineFen(),
            c.linkedLeadIds(),
            c.narrative(),
            c.version() + 1,
            c.detainedPersons(),
            c.sentencedPersons(),
            c.treasuryFen());
    return rec.append(
        signers.get(c.bureau()).sign(SharedCase.payload(v), rec.last().hash(), AT.plusSeconds(60)));
  }

  static CaseRecord revised(CaseRecord c, long version, long valueFen) {
    return new CaseRecord(
        c.caseNumber(),
        c.bureau(),
        c.category(),
        c.foundOn(),
        c.filedOn(),
        c.closedOn(),
        c.location(),
        c.entities(),
        c.items(),
        valueFen,
        c.disposition(),
        c.fineFen(),
        c.linkedLeadIds(),
        c.narrative(),
        version,
        c.detainedPersons(),
        c.sentencedPersons(),
        c.treasuryFen());
  }

  /** Merge decisions: proposals of 2–3 bureaus, each decided by some of them. */
  List<StoredRecord> decisions(int n) {
    List<StoredRecord> out = new ArrayList<>();
    List<BureauId> all = RecordGenerator.BUREAUS;
    for (int i = 0; i < n; i++) {
      List<BureauId> bureaus = List.of(all.get(i % 6), all.get((i + 1) % 6), all.get((i + 3) % 6));
      bureaus = bureaus.subList(0, 2 + i % 2);
      List<String> members = List.of("case:" + bureaus.get(0).code() + ":m" + i, "lead:x" + i);
      String proposal = MergeProposal.idOf(members);
      for (int k = 0; k < bureaus.size() - (i % 3 == 0 ? 1 : 0); k++) {
        BureauId b = bureaus.get(k);
        MergeDecision d =
            new MergeDecision(
                proposal,
                b,
                (i + k) % 5 == 0 ? Verdict.DECLINE : Verdict.ACCEPT,
                "officer",
                bureaus.get(i % bureaus.size()),
                members,
                bureaus);
        out.add(
            SignedIntake.record(
                d.key(),
                MergeService.KIND,
                signers.get(b).sign(d.payload(), Hashes.GENESIS, AT.plusSeconds(86_400L * i + k))));
      }
    }
    return out;
  }

  void put(List<StoredRecord> records) throws Exception {
    for (int from = 0; from < records.size(); from += 500) {
      List<StoredRecord> page = records.subList(from, Math.min(records.size(), from + 500));
      await(exec.transaction(s -> page.stream().filter(s::putRecord).count()));
    }
  }

  /**
   * Every bureau's briefing for every quarter from the kept facts equals the brute-force read's.
   */
  void sameAsBruteForce(ReportFacts facts) throws Exception {
    ReportFacts.Snapshot kept = await(facts.current());
    SharedRecords read = await(exec.call(s -> SharedRecords.read(s, null)));
    SharedRecords ready = await(exec.call(s -> SharedRecords.of(kept, s, null)));
    assertThat(ready.cases).hasSameSizeAs(read.cases);
    assertThat(ready.merges).hasSameSizeAs(read.merges);
    ReportEngine.Rules rules = new ReportEngine.Rules(ReportEngine.MAJOR_FEN, 15);
    for (BureauId b : RecordGenerator.BUREAUS) {
      for (Period q : QUARTERS) {
        Briefing expected =
            ReportEngine.briefing(b, q, read.sources(), rules, PriceFacts.NONE, "市场平稳");
        Briefing got = ReportEngine.briefing(b, q, ready.sources(), rules, PriceFacts.NONE, "市场平稳");
        assertThat(got).as(b + " " + q.label()).isEqualTo(expected);
        assertThat(ReportService.canonical(got)).isEqualTo(ReportService.canonical(expected));
      }
    }
  }

  @Test
  void theKeptFactsCountWhatTheStoreHoldsAndFollowEveryCommit() throws Exception {
    List<CaseRecord> generated = RecordGenerator.cases(30, 3_000);
    List<SharedCase> stored = new ArrayList<>();
    for (CaseRecord c : generated.subList(0, 2_000)) {
      stored.add(first(c));
    }
    put(stored.stream().map(SharedCase::stored).toList());
    List<StoredRecord> decisions = decisions(300);
    put(decisions.subList(0, 200));

    // loaded from the store at start: many pages of the log (2,200 changes, pages of 300)
    ReportFacts facts = new ReportFacts(vertx, exec, 300);
    ReportFacts.Snapshot loaded = await(facts.current());
    assertThat(loaded.cases()).hasSize(2_000);
    sameAsBruteForce(facts);

    // committed after the facts were loaded: counted in the next report
    List<SharedCase> later = new ArrayList<>();
    for (CaseRecord c : generated.subList(2_000, 3_000)) {
      later.add(first(c));
    }
    put(later.stream().map(SharedCase::stored).toList());
    put(decisions.subList(200, 300));
    ReportFacts.Snapshot after = await(facts.current());
    assertThat(after.cases()).hasSize(3_000);
    assertThat(after.seq()).isGreaterThan(loaded.seq());
    assertThat(loaded.cases()).hasSize(2_000); // a snapshot counted before does not change
    sameAsBruteForce(facts);

    // a newer version of a case replaces the older one's figures: a major case becomes a
    // small case of another kind, a small case becomes major
    SharedCase small =
        stored.stream().filter(r -> r.current().valueFen() < 100_000).findFirst().get();
    SharedCase major =
        stored.stream().filter(r -> r.current().valueFen() >= 6_000_000).findFirst().get();
    SharedCase smallNow = next(small, 9_000_000L, CaseCategory.COUNTERFEIT);
    SharedCase majorNow = next(major, 1_000L, CaseCategory.SMUGGLING);
    put(List.of(smallNow.stored(), majorNow.stored()));
    ReportFacts.Snapshot revisedFacts = await(facts.current());
    assertThat(revisedFacts.cases()).hasSize(3_000);
    assertThat(revisedFacts.cases())
        .contains(ReportFacts.slim(smallNow.current()), ReportFacts.slim(majorNow.current()));
    assertThat(revisedFacts.cases())
        .doesNotContain(ReportFacts.slim(small.current()), ReportFacts.slim(major.current()));
    Period q = Period.quarterOf(small.current().filedOn().atStartOfDay(Period.ZONE).toInstant());
    Briefing b =
        ReportEngine.briefing(
            small.current().bureau(),
            q,
            new ReportEngine.Sources(
                revisedFacts.cases(),
                revisedFacts.leads(),
                revisedFacts.actions(),
                revisedFacts.merges()),
            ReportEngine.Rules.DEFAULT,
            PriceFacts.NONE,
            "");
    assertThat(b.cases().majorCases())
        .anyMatch(m -> m.caseNumber().equals(small.current().caseNumber().value()));
    sameAsBruteForce(facts);

    // nothing new: the same snapshot, no re-read
    assertThat(await(facts.current())).isSameAs(revisedFacts);
  }
}
