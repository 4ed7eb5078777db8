package io.liaison.node.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.Commitment;
import io.liaison.api.action.Communications;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.StepRequest;
import io.liaison.api.action.TargetKind;
import io.liaison.api.action.TimeWindow;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Member;
import io.liaison.crypto.MemberKey;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.SigningKeyPair;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.TrustService;
import io.liaison.search.SearchDocument;
import io.liaison.search.link.Audience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deconfliction through the node-side service (issue 27; docs/benchmarks.md "Joint actions:
 * deconfliction through the node"). Two nodes' worth of services for 兴和县 in one JVM, each with its
 * own SQLite store, event feed, {@link Deconfliction} and {@link ActionService}: node A holds
 * {@code plans} proposed plans (signed records put into its deconfliction index as a node does with
 * its stored plans at start, the last 200 through {@link ActionService#receive}) and {@code cases}
 * open cases (through the indexer's listener call, {@link
 * Deconfliction#upserted}); node B holds nothing (the same-run baseline). Then, interleaved per
 * item, each new plan proposal (signed CREATE + PROPOSE chain, built before the clock starts) is
 * taken in by A and by B — verify every signature, commit to the store, feed events,
 * deconfliction and its alerts committed — and a revision of it (the change path); plus {@link
 * Deconfliction#check} on A (what the API's check before proposing runs). Latencies per round:
 * p50/p99/max; the ratio A/B says what 10k plans and 1M cases add.
 *
 * <p>Usage (run.sh compiles it beside the node's classes, same package): NodeDeconflictionBench
 * [plans=10000] [cases=1000000] [checks=1000] [rounds=3]
 */
public final class NodeDeconflictionBench {
  static final BureauId[] BUREAUS = {
    BureauId.of("150924"), BureauId.of("150981"), BureauId.of("140222"),
    BureauId.of("140221"), BureauId.of("130728"), BureauId.of("130725")
  };
  static final String[] PROV = {"蒙J", "晋B", "冀G"};
  static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
  static final int VEHICLES = 200_000;
  static final int PHONES = 500_000;
  static final int PLACES = 600;

  final Map<BureauId, TrustService> trust = new LinkedHashMap<>();
  final Random rnd = new Random(27);
  final Vertx vertx = Vertx.vertx();

  /** One node's services. */
  record NodeSide(Deconfliction deconfliction, ActionService actions) {}

  NodeDeconflictionBench() {
    SigningKeyPair authority = SigningKeyPair.generate();
    Instant from = T0.minus(Duration.ofDays(400));
    List<Member> members = new ArrayList<>();
    List<BureauKeys> keys = new ArrayList<>();
    for (BureauId b : BUREAUS) {
      BureauKeys k = BureauKeys.generate(b);
      keys.add(k);
      members.add(
          new Member(
              b,
              "局" + b,
              "省",
              List.of(),
              List.of(MemberKey.signing(k.signing(), from), MemberKey.sealing(k.sealing(), from))));
    }
    SignedRoster roster = new RosterAuthority(authority).sign(new Roster(1, from, members));
    for (BureauKeys k : keys) {
      trust.put(k.bureau(), new TrustService(k, authority.publicKey(), roster));
    }
  }

  NodeSide node(Path dir) throws Exception {
    Files.createDirectories(dir);
    StoreExecutor exec =
        new StoreExecutor(vertx, Store.open(dir.resolve("store.db")), "store-" + dir.getFileName());
    EventFeed feed = new EventFeed(vertx);
    Quarantine quarantine = new Quarantine(exec, new SimpleMeterRegistry());
    TrustService self = trust.get(BUREAUS[0]);
    Clock clock = Clock.systemUTC();
    Deconfliction d = new Deconfliction(exec, feed, self.bureau(), clock);
    // no grid map: receive() takes a value in without touching it
    ActionService a = new ActionService(vertx, exec, self, null, feed, quarantine, d, clock);
    return new NodeSide(d, a);
  }

  public static void main(String[] args) throws Exception {
    int plans = arg(args, "plans", 10_000);
    int cases = arg(args, "cases", 1_000_000);
    int checks = arg(args, "checks", 1_000);
    int rounds = arg(args, "rounds", 3);
    new NodeDeconflictionBench().run(plans, cases, checks, rounds);
    System.exit(0);
  }

  void run(int plans, int cases, int checks, int rounds) throws Exception {
    Path dir = Files.createTempDirectory("liaison-deconfliction-bench");
    NodeSide a = node(dir.resolve("a"));
    NodeSide b = node(dir.resolve("b"));
    long t0 = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      a.deconfliction().upserted(caseDoc("case-" + i), Audience.everyone());
    }
    long t1 = System.nanoTime();
    // the held plans are loaded as a node loads its stored plans at start (Deconfliction.load);
    // the last 200 go through the whole receive path, like the ones measured
    for (int i = 0; i < plans; i++) {
      Proposal p = proposal("held-" + i);
      if (i >= plans - 200) {
        get(a.actions().receive(p.id(), p.proposed().json()));
      } else {
        a.deconfliction().planChanged(p.proposed());
      }
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "# node A: %,d open cases in %.1f s, %,d proposed plans (signed; loaded as at start) in %.1f s;"
            + " heap after GC %d MiB; node B: empty%n",
        cases,
        (t1 - t0) / 1e9,
        plans,
        (t2 - t1) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    // warm-up of both paths
    for (int i = 0; i < Math.min(200, checks); i++) {
      Proposal p = proposal("warm-" + i);
      get(a.actions().receive(p.id(), p.proposed().json()));
      get(b.actions().receive(p.id(), p.proposed().json()));
    }
    for (int r = 1; r <= rounds; r++) {
      long[] proposeA = new long[checks];
      long[] proposeB = new long[checks];
      long[] reviseA = new long[checks];
      long[] checkA = new long[checks];
      long hits = 0;
      for (int i = 0; i < checks; i++) {
        Proposal p = proposal("r" + r + "-" + i);
        String proposed = p.proposed().json();
        String revised = p.revised().json();
        long s = System.nanoTime();
        get(b.actions().receive(p.id(), proposed));
        proposeB[i] = System.nanoTime() - s;
        s = System.nanoTime();
        hits += a.deconfliction().check(p.proposed()).size();
        checkA[i] = System.nanoTime() - s;
        s = System.nanoTime();
        get(a.actions().receive(p.id(), proposed));
        proposeA[i] = System.nanoTime() - s;
        s = System.nanoTime();
        get(a.actions().receive(p.id(), revised));
        reviseA[i] = System.nanoTime() - s;
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: propose taken in, A (%,d plans, %,d cases) %s | B (empty) %s | A/B p99 %.2f"
              + "%n         change taken in, A %s | check alone, A %s | hits %.1f a plan%n",
          r,
          plans,
          cases,
          summary(proposeA),
          summary(proposeB),
          pct(proposeA, 99) / pct(proposeB, 99),
          summary(reviseA),
          summary(checkA),
          hits / (double) checks);
    }
  }

  /** A new plan's chain as proposed (CREATE, PROPOSE) and as revised after that. */
  record Proposal(String id, PlanRecord proposed, PlanRecord revised) {}

  Proposal proposal(String id) {
    BureauId lead = rnd.nextInt(3) == 0 ? BUREAUS[0] : BUREAUS[1 + rnd.nextInt(5)];
    BureauId other = lead.equals(BUREAUS[0]) ? BUREAUS[2] : BUREAUS[0];
    PlanContent plan = content(lead, other);
    TrustService t = trust.get(lead);
    PlanSealing sealing = new PlanSealing(t);
    Instant at = T0;
    PlanRecord rec =
        PlanRecord.create(
            id,
            t.sign(
                PlanSteps.version(id, PlanEvent.CREATE, "officer", 1, plan, sealing, at),
                Hashes.GENESIS,
                at));
    StepRequest propose =
        new StepRequest(PlanEvent.PROPOSE, "officer", null, null, null, null, null, null);
    rec = rec.append(t.sign(PlanSteps.step(rec, propose, sealing, at), rec.last().hash(), at));
    PlanContent changed = content(lead, other);
    PlanRecord revised =
        rec.append(
            t.sign(
                PlanSteps.version(id, PlanEvent.REVISE, "officer", 2, changed, sealing, at),
                rec.last().hash(),
                at));
    return new Proposal(id, rec, revised);
  }

  PlanContent content(BureauId lead, BureauId other) {
    List<PlanTarget> targets = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      targets.add(
          new PlanTarget(
              TargetKind.VEHICLE, "货车", EntityType.PLATE, plate(rnd.nextInt(VEHICLES)), null));
    }
    for (int k = 0; k < 2; k++) {
      targets.add(
          new PlanTarget(
              TargetKind.PERSON, "联系人", EntityType.PHONE, phone(rnd.nextInt(PHONES)), null));
    }
    Instant start = T0.plus(Duration.ofHours(rnd.nextInt(365 * 24)));
    return new PlanContent(
        "联合行动",
        PlanKind.CLEAN_UP,
        lead,
        List.of(
            new Commitment(lead, 2, 4, 1, List.of("局长"), List.of("设卡")),
            new Commitment(other, 1, 2, 1, List.of("科长"), List.of("查堵"))),
        List.of(),
        targets,
        List.of("乡镇" + rnd.nextInt(PLACES), "乡镇" + rnd.nextInt(PLACES)),
        null,
        new TimeWindow(start, start.plus(Duration.ofDays(1 + rnd.nextInt(7)))),
        new Communications("对讲机", List.of("一号")),
        "预案",
        List.of(),
        List.of(),
        List.of());
  }

  SearchDocument caseDoc(String id) {
    BureauId b = BUREAUS[rnd.nextInt(BUREAUS.length)];
    return new SearchDocument(
        id,
        SearchDocument.Kind.CASE,
        b,
        CaseCategory.values()[rnd.nextInt(CaseCategory.values().length)],
        LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(365)),
        100_000,
        2_000,
        Disposition.PENDING,
        List.of(),
        "案件",
        "",
        null,
        List.of(
            new Entity(EntityType.PLATE, plate(rnd.nextInt(VEHICLES)), null),
            new Entity(EntityType.PHONE, phone(rnd.nextInt(PHONES)), null),
            new Entity(EntityType.PERSON, "人员" + rnd.nextInt(PHONES), null)),
        true,
        1);
  }

  static <T> T get(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }

  static String plate(int n) {
    return PROV[n % 3] + "·" + (char) ('A' + (n / 3) % 26) + String.format("%04d", (n / 78) % 10000);
  }

  static String phone(int n) {
    return "139" + String.format("%08d", n * 7919L % 100_000_000L);
  }

  static String summary(long[] ns) {
    return String.format(
        Locale.ROOT,
        "p50 %.2f p99 %.2f max %.1f ms",
        pct(ns, 50) / 1e6,
        pct(ns, 99) / 1e6,
        Arrays.stream(ns).max().orElse(0) / 1e6);
  }

  static double pct(long[] ns, double p) {
    long[] c = ns.clone();
    Arrays.sort(c);
    return c[Math.min(c.length - 1, (int) Math.ceil(p / 100.0 * c.length) - 1)];
  }

  static int arg(String[] a, String name, int dflt) {
    for (String s : a) {
      if (s.startsWith(name + "=")) {
        return Integer.parseInt(s.substring(name.length() + 1));
      }
    }
    return dflt;
  }
}
