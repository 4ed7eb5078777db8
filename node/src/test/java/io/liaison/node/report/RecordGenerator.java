package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Location;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated cases and leads for report tests (test code only): six bureaus, two years, values
 * around the 5万元 threshold, every category and disposition, dates and times near quarter ends.
 */
final class RecordGenerator {
  static final List<BureauId> BUREAUS =
      List.of("150924", "150981", "140222", "140221", "130728", "130725").stream()
          .map(BureauId::of)
          .toList();
  static final LocalDate START = LocalDate.of(2025, 1, 1);
  static final int DAYS = 730;

  private RecordGenerator() {}

  static List<CaseRecord> cases(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<CaseRecord> out = new ArrayList<>(n);
    CaseCategory[] kinds = CaseCategory.values();
    Disposition[] ds = Disposition.values();
    for (int i = 0; i < n; i++) {
      BureauId b = BUREAUS.get(r.nextInt(BUREAUS.size()));
      LocalDate found = START.plusDays(r.nextInt(DAYS));
      LocalDate filed = found.plusDays(r.nextInt(3));
      Disposition d = ds[r.nextInt(ds.length)];
      LocalDate closed = d == Disposition.PENDING ? null : filed.plusDays(r.nextInt(60));
      long value = r.nextInt(4) == 0 ? 4_000_000L + r.nextLong(2_000_001L) : r.nextLong(8_000_000L);
      int nItems = 1 + r.nextInt(3);
      List<BrandItem> items = new ArrayList<>();
      for (int k = 0; k < nItems; k++) {
        items.add(new BrandItem("品牌" + k, "硬", 200L * (1 + r.nextInt(500))));
      }
      int detained =
          d == Disposition.TRANSFERRED_TO_POLICE || d == Disposition.PENDING ? r.nextInt(4) : 0;
      int sentenced = d == Disposition.TRANSFERRED_TO_POLICE ? r.nextInt(3) : 0;
      long fine = d == Disposition.ADMINISTRATIVE_PENALTY ? r.nextLong(2_000_000L) : 0;
      long paid = d == Disposition.PENDING ? 0 : r.nextLong(3_000_000L);
      out.add(
          new CaseRecord(
              CaseNumber.of(b.code() + "烟立字〔" + filed.getYear() + "〕第" + i + "号"),
              b,
              kinds[r.nextInt(kinds.length)],
              found,
              filed,
              closed,
              new Location(b.code(), null, "地址" + i, null, null),
              List.of(),
              items,
              value,
              d,
              fine,
              List.of(),
              "案情" + i,
              1 + r.nextInt(3),
              detained,
              sentenced,
              paid));
    }
    return out;
  }

  /** Joint actions: some never completed, participants 1–4 bureaus, results for most of them. */
  static List<ActionFact> actions(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<ActionFact> out = new ArrayList<>(n);
    Instant start = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    io.liaison.api.action.PlanKind[] kinds = io.liaison.api.action.PlanKind.values();
    for (int i = 0; i < n; i++) {
      List<BureauId> participants = new ArrayList<>(BUREAUS);
      java.util.Collections.shuffle(participants, new java.util.Random(r.nextLong()));
      participants = participants.subList(0, 1 + r.nextInt(4));
      Instant completed = r.nextInt(5) == 0 ? null : start.plusSeconds(r.nextLong(DAYS * 86_400L));
      java.util.Map<BureauId, io.liaison.api.action.PlanResult> results = new java.util.HashMap<>();
      for (BureauId b : participants) {
        if (r.nextInt(4) != 0) {
          results.put(
              b,
              new io.liaison.api.action.PlanResult(
                  r.nextInt(80),
                  r.nextInt(20),
                  r.nextInt(50),
                  r.nextInt(5),
                  200L * r.nextInt(3000),
                  r.nextLong(9_000_000L),
                  r.nextInt(4),
                  r.nextInt(3),
                  r.nextInt(2)));
        }
      }
      out.add(
          new ActionFact(
              "act-" + i,
              kinds[r.nextInt(kinds.length)],
              participants.get(0),
              participants,
              completed,
              results));
    }
    return out;
  }

  /** Merge proposals over 2–3 bureaus, each deciding (or not yet) at its own time. */
  static List<MergeFact> merges(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<MergeFact> out = new ArrayList<>(n);
    Instant start = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    for (int i = 0; i < n; i++) {
      List<BureauId> bureaus = new ArrayList<>(BUREAUS);
      java.util.Collections.shuffle(bureaus, new java.util.Random(r.nextLong()));
      bureaus = bureaus.subList(0, 2 + r.nextInt(2));
      Instant at = start.plusSeconds(r.nextLong(DAYS * 86_400L));
      List<MergeFact.Decision> ds = new ArrayList<>();
      for (BureauId b : bureaus) {
        if (r.nextInt(6) != 0) {
          at = at.plusSeconds(r.nextLong(20 * 86_400L));
          ds.add(new MergeFact.Decision(b, r.nextInt(5) != 0, at));
        }
      }
      out.add(new MergeFact("proposal-" + i, bureaus, ds, bureaus.get(r.nextInt(bureaus.size()))));
    }
    return out;
  }

  static List<LeadFact> leads(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LeadFact> out = new ArrayList<>(n);
    Instant start = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    LeadEvent[] events = LeadEvent.values();
    Outcome[] outcomes = Outcome.values();
    for (int i = 0; i < n; i++) {
      BureauId origin = BUREAUS.get(r.nextInt(BUREAUS.size()));
      Instant posted = start.plusSeconds(r.nextLong(DAYS * 86_400L));
      List<BureauId> targets = new ArrayList<>();
      if (r.nextBoolean()) {
        for (BureauId b : BUREAUS) {
          if (!b.equals(origin) && r.nextInt(3) == 0) {
            targets.add(b);
          }
        }
      }
      List<LeadFact.Step> steps = new ArrayList<>();
      Instant at = posted;
      int nSteps = r.nextInt(5);
      for (int k = 0; k < nSteps; k++) {
        // hours apart: many steps cross a quarter's end (16:00 UTC is midnight in Shanghai)
        at = at.plusSeconds(r.nextLong(40 * 86_400L));
        LeadEvent e = events[r.nextInt(events.length)];
        steps.add(
            new LeadFact.Step(
                e,
                BUREAUS.get(r.nextInt(BUREAUS.size())),
                at,
                e == LeadEvent.CLOSE ? outcomes[r.nextInt(outcomes.length)] : null));
      }
      out.add(new LeadFact("lead-" + i, origin, posted, targets, steps));
    }
    return out;
  }
}
