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
