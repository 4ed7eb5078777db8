package io.liaison.node.price;

import static io.liaison.node.price.PriceFixtures.TIANZHEN;
import static io.liaison.node.price.PriceFixtures.XINGHE;
import static io.liaison.node.price.PriceFixtures.YANGGAO;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.ComplianceRow;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceGap;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.RepeatDeviator;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.node.price.internal.PriceKeys;
import io.liaison.node.price.internal.PriceRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Figures against a brute-force recount of generated data: every observation judged again with
 * plain loops over the agreements, then counted by county, group, brand, month and quarter.
 */
class PriceFiguresTest {
  static final List<AgreedPrice> BASE =
      List.of(
          new AgreedPrice("中华", "硬", 4500, 45000),
          new AgreedPrice("玉溪", "软", 2300, 23000),
          new AgreedPrice("云烟", "紫", 2000, 20000));
  static final long TOLERANCE_TIANZHEN = 100;

  final PriceFixtures fx = new PriceFixtures();
  final PriceBook book = new PriceBook(XINGHE);
  final PriceFigures figures = new PriceFigures(book);
  final Map<String, SelfDisciplineGroup> groups = new TreeMap<>();
  final Map<String, List<PriceAgreement>> agreements = new HashMap<>();
  final Map<String, String> groupOf = new HashMap<>();
  final List<RetailerVisit> visits = new ArrayList<>();
  final Map<RetailerVisit, BureauId> checkedOf = new HashMap<>();
  final List<io.liaison.node.price.internal.PriceRecord> taken = new ArrayList<>();

  void take(io.liaison.node.price.internal.PriceRecord r) {
    taken.add(r);
    book.take(r);
  }

  @BeforeEach
  void generate() {
    Random rnd = new Random(28);
    int g = 0;
    for (BureauId b : List.of(XINGHE, TIANZHEN)) {
      for (int k = 0; k < 2; k++, g++) {
        String id = b + "-G" + g;
        List<Retailer> members = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
          String licence = b.code() + String.format("%06d", g * 100 + r);
          members.add(PriceFixtures.retailer(licence, "零售户" + licence));
          groupOf.put(licence, id);
        }
        SelfDisciplineGroup group = PriceFixtures.group(id, b, 1, members.toArray(new Retailer[0]));
        groups.put(id, group);
        take(fx.append(PriceKeys.of(PriceKeys.GROUP, id), PriceRecords.group(group), XINGHE));
        List<PriceAgreement> versions = new ArrayList<>();
        String[] starts = {"2026-01-01", "2026-05-15", "2026-03-01"};
        for (int v = 0; v < starts.length; v++) {
          int bump = rnd.nextInt(3) * 100;
          List<AgreedPrice> prices =
              BASE.stream()
                  .map(
                      p ->
                          new AgreedPrice(
                              p.brand(), p.spec(), p.packFen() + bump / 10, p.cartonFen() + bump))
                  .toList();
          PriceAgreement a =
              new PriceAgreement(id, b, LocalDate.parse(starts[v]), prices, null, v + 1L);
          versions.add(a);
          take(fx.append(PriceKeys.of(PriceKeys.AGREEMENT, id), PriceRecords.agreement(a), XINGHE));
        }
        agreements.put(id, versions);
      }
    }
    take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, TIANZHEN.code()),
            PriceRecords.settings(new PriceSettings(TIANZHEN, TOLERANCE_TIANZHEN, 500, 1L)),
            XINGHE));
    // checks: 天镇县 on 兴和县, 兴和县 on 天镇县; a retailer outside any group too
    List<String> licences = new ArrayList<>(groupOf.keySet());
    licences.sort(Comparator.naturalOrder());
    licences.add("150924999999");
    int checkNo = 0;
    for (int c = 0; c < 6; c++) {
      BureauId checked = c % 2 == 0 ? XINGHE : TIANZHEN;
      BureauId checking = checked.equals(XINGHE) ? TIANZHEN : XINGHE;
      List<RetailerVisit> batch = new ArrayList<>();
      for (int v = 0; v < 60; v++) {
        List<String> mine = licences.stream().filter(l -> l.startsWith(checked.code())).toList();
        String licence = mine.get(rnd.nextInt(mine.size()));
        Instant at =
            LocalDate.of(2026, 1, 1)
                .plusDays(rnd.nextInt(300))
                .atTime(8 + rnd.nextInt(10), 0)
                .atZone(PriceBook.ZONE)
                .toInstant();
        List<ObservedItem> items = new ArrayList<>();
        for (AgreedPrice p : BASE) {
          if (rnd.nextInt(3) == 0) {
            continue;
          }
          PackUnit unit = rnd.nextBoolean() ? PackUnit.PACK : PackUnit.CARTON;
          long agreed = agreedBrute(licence, p.brand(), p.spec(), unit, day(at));
          if (agreed < 0) {
            agreed = p.fen(unit); // a retailer in no group: nothing to judge against
          }
          long sale = agreed + (rnd.nextInt(4) == 0 ? (rnd.nextInt(5) - 2) * 50L : 0);
          long marked = rnd.nextInt(10) == 0 ? sale + 100 : sale;
          items.add(new ObservedItem(p.brand(), p.spec(), unit, marked, sale));
        }
        if (items.isEmpty()) {
          items.add(new ObservedItem("黄鹤楼", "软蓝", PackUnit.PACK, 1900, 1900));
        }
        RetailerVisit rv = new RetailerVisit(licence, at, "城关镇", items, List.of(), null);
        batch.add(rv);
        visits.add(rv);
        checkedOf.put(rv, checked);
      }
      take(
          fx.check(
              PriceFixtures.plan(
                  checking + "-2026-" + checkNo++,
                  checking,
                  checked,
                  licences.stream().filter(l -> l.startsWith(checked.code())).toList()),
              batch,
              XINGHE));
    }
  }

  static LocalDate day(Instant at) {
    return at.atZone(PriceBook.ZONE).toLocalDate();
  }

  /** The agreed price by plain loops; -1 if none (or the retailer is in no group). */
  long agreedBrute(String licence, String brand, String spec, PackUnit unit, LocalDate day) {
    String g = groupOf.get(licence);
    if (g == null) {
      return -1;
    }
    PriceAgreement best = null;
    for (PriceAgreement a : agreements.get(g)) {
      if (!a.validFrom().isAfter(day)
          && (best == null
              || a.validFrom().isAfter(best.validFrom())
              || (a.validFrom().equals(best.validFrom()) && a.version() > best.version()))) {
        best = a;
      }
    }
    if (best == null) {
      return -1;
    }
    for (AgreedPrice p : best.prices()) {
      if (p.brand().equals(brand) && java.util.Objects.equals(p.spec(), spec)) {
        return unit == PackUnit.PACK ? p.packFen() : p.cartonFen();
      }
    }
    return -1;
  }

  /** key → {judged, compliant} over [from, to], by brute force. */
  Map<String, long[]> brute(Dimension by, LocalDate from, LocalDate to) {
    Map<String, long[]> out = new TreeMap<>();
    for (RetailerVisit v : visits) {
      LocalDate d = day(v.at());
      if (d.isBefore(from) || d.isAfter(to)) {
        continue;
      }
      BureauId b = checkedOf.get(v);
      long tol = b.equals(TIANZHEN) ? TOLERANCE_TIANZHEN : 0;
      for (ObservedItem i : v.items()) {
        long agreed = agreedBrute(v.licence(), i.brand(), i.spec(), i.unit(), d);
        if (agreed < 0) {
          continue;
        }
        String key =
            switch (by) {
              case COUNTY -> b.code();
              case GROUP -> groupOf.get(v.licence());
              case BRAND -> i.product().label();
              case MONTH -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
              case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            };
        long[] c = out.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (i.markedFen() == i.saleFen() && Math.abs(i.saleFen() - agreed) <= tol) {
          c[1]++;
        }
      }
    }
    return out;
  }

  @Test
  void complianceEqualsABruteForceRecount() {
    LocalDate from = LocalDate.parse("2026-04-01");
    LocalDate to = LocalDate.parse("2026-09-30");
    LocalDate prevFrom = LocalDate.parse("2025-10-02"); // 183 days before
    for (Dimension by : List.of(Dimension.COUNTY, Dimension.GROUP, Dimension.BRAND)) {
      ComplianceFigures f = figures.compliance(by, from, to, null);
      Map<String, long[]> now = brute(by, from, to);
      Map<String, long[]> before = brute(by, prevFrom, from.minusDays(1));
      assertThat(f.rows()).as(by.name()).hasSize(now.size());
      for (ComplianceRow r : f.rows()) {
        assertThat(new long[] {r.judged(), r.compliant()})
            .as(by + " " + r.key())
            .containsExactly(now.get(r.key()));
        long[] p = before.getOrDefault(r.key(), new long[2]);
        assertThat(new long[] {r.previousJudged(), r.previousCompliant()}).containsExactly(p);
        assertThat(r.rate()).isEqualTo(Deviation.rate(r.compliant(), r.judged()));
      }
      long judged = now.values().stream().mapToLong(c -> c[0]).sum();
      assertThat(f.total().judged()).isEqualTo(judged);
    }
    for (Dimension by : List.of(Dimension.MONTH, Dimension.QUARTER)) {
      ComplianceFigures f = figures.compliance(by, from, to, null);
      Map<String, long[]> all = brute(by, LocalDate.parse("2025-01-01"), to);
      for (ComplianceRow r : f.rows()) {
        assertThat(new long[] {r.judged(), r.compliant()})
            .as(by + " " + r.key())
            .containsExactly(all.getOrDefault(r.key(), new long[2]));
      }
      assertThat(f.rows().stream().map(ComplianceRow::key).toList())
          .containsExactlyElementsOf(
              by == Dimension.MONTH
                  ? List.of("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09")
                  : List.of("2026-Q2", "2026-Q3"));
      // each period's previous is the one before it
      for (int i = 1; i < f.rows().size(); i++) {
        assertThat(f.rows().get(i).previousJudged()).isEqualTo(f.rows().get(i - 1).judged());
      }
      String first = by == Dimension.MONTH ? "2026-03" : "2026-Q1";
      assertThat(f.rows().get(0).previousJudged())
          .isEqualTo(all.getOrDefault(first, new long[2])[0]);
    }
    // one county only
    ComplianceFigures xinghe = figures.compliance(Dimension.BRAND, from, to, XINGHE);
    assertThat(xinghe.total().judged())
        .isEqualTo(brute(Dimension.COUNTY, from, to).get(XINGHE.code())[0]);
    assertThat(figures.compliance(Dimension.BRAND, from, to, YANGGAO).rows()).isEmpty();
  }

  @Test
  void figuresKeptOnTakeEqualARecountWhateverOrderTheRecordsArriveIn() {
    // the checks first, then settings, agreements and groups newest first: the month sums are
    // kept as checks arrive and rebuilt when a group, an agreement or a tolerance changes
    PriceBook other = new PriceBook(TIANZHEN);
    List<io.liaison.node.price.internal.PriceRecord> order = new ArrayList<>(taken);
    java.util.Collections.reverse(order);
    order.sort(
        Comparator.comparing(
            r -> r instanceof io.liaison.node.price.internal.PriceRecord.Check ? 0 : 1));
    order.forEach(other::take);
    PriceFigures f2 = new PriceFigures(other);
    // windows with partial months at either edge, and whole months only
    List<LocalDate[]> windows =
        List.of(
            new LocalDate[] {LocalDate.parse("2026-02-10"), LocalDate.parse("2026-08-20")},
            new LocalDate[] {LocalDate.parse("2026-03-01"), LocalDate.parse("2026-06-30")},
            new LocalDate[] {LocalDate.parse("2026-05-15"), LocalDate.parse("2026-05-15")});
    for (LocalDate[] w : windows) {
      for (Dimension by : Dimension.values()) {
        assertThat(f2.compliance(by, w[0], w[1], null))
            .as(by + " " + w[0])
            .isEqualTo(figures.compliance(by, w[0], w[1], null));
      }
      for (Dimension by : List.of(Dimension.COUNTY, Dimension.GROUP, Dimension.BRAND)) {
        Map<String, long[]> now = brute(by, w[0], w[1]);
        for (ComplianceRow r : f2.compliance(by, w[0], w[1], null).rows()) {
          assertThat(new long[] {r.judged(), r.compliant()})
              .as(by + " " + r.key() + " " + w[0])
              .containsExactly(now.getOrDefault(r.key(), new long[2]));
        }
      }
      assertThat(f2.deviators(w[0], w[1], null, 1))
          .isEqualTo(figures.deviators(w[0], w[1], null, 1));
    }
    // a tolerance changed after the checks: the figures follow it
    long before =
        f2.compliance(Dimension.COUNTY, windows.get(0)[0], windows.get(0)[1], null)
            .total()
            .compliant();
    other.take(
        fx.append(
            PriceKeys.of(PriceKeys.SETTINGS, XINGHE.code()),
            PriceRecords.settings(new PriceSettings(XINGHE, 100_000, 500, 1L)),
            TIANZHEN));
    ComplianceFigures loose =
        f2.compliance(Dimension.COUNTY, windows.get(0)[0], windows.get(0)[1], XINGHE);
    long markedAsSold = 0;
    for (RetailerVisit v : visits) {
      LocalDate d = day(v.at());
      if (checkedOf.get(v).equals(XINGHE)
          && !d.isBefore(windows.get(0)[0])
          && !d.isAfter(windows.get(0)[1])) {
        for (ObservedItem i : v.items()) {
          if (agreedBrute(v.licence(), i.brand(), i.spec(), i.unit(), d) >= 0
              && i.markedFen() == i.saleFen()) {
            markedAsSold++;
          }
        }
      }
    }
    assertThat(loose.total().compliant()).isEqualTo(markedAsSold);
    assertThat(
            f2.compliance(Dimension.COUNTY, windows.get(0)[0], windows.get(0)[1], null)
                .total()
                .compliant())
        .isGreaterThan(before);
  }

  @Test
  void repeatDeviatorsEqualABruteForceRecount() {
    LocalDate from = LocalDate.parse("2026-01-01");
    LocalDate to = LocalDate.parse("2026-12-31");
    Map<String, long[]> count = new TreeMap<>();
    for (RetailerVisit v : visits) {
      BureauId b = checkedOf.get(v);
      long tol = b.equals(TIANZHEN) ? TOLERANCE_TIANZHEN : 0;
      boolean dev = false;
      for (ObservedItem i : v.items()) {
        long agreed = agreedBrute(v.licence(), i.brand(), i.spec(), i.unit(), day(v.at()));
        if (agreed >= 0
            && !(i.markedFen() == i.saleFen() && Math.abs(i.saleFen() - agreed) <= tol)) {
          dev = true;
        }
      }
      long[] c = count.computeIfAbsent(v.licence(), k -> new long[2]);
      c[0]++;
      c[1] += dev ? 1 : 0;
    }
    List<RepeatDeviator> found = figures.deviators(from, to, null, 2);
    Map<String, long[]> expected = new TreeMap<>(count);
    expected.values().removeIf(c -> c[1] < 2);
    assertThat(found).hasSize(expected.size()).isNotEmpty();
    for (RepeatDeviator d : found) {
      assertThat(new long[] {d.visits(), d.deviatingVisits()})
          .as(d.licence())
          .containsExactly(expected.get(d.licence()));
      assertThat(d.groupId()).isEqualTo(groupOf.get(d.licence()));
      assertThat(d.name()).isEqualTo("零售户" + d.licence());
    }
  }

  @Test
  void aGapAcrossABorderPairIsFlaggedAboveTheLowerThreshold() {
    PriceFixtures fresh = new PriceFixtures();
    PriceBook b = new PriceBook(TIANZHEN);
    String gx = "150924-GX";
    String gt = "140222-GT";
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.GROUP, gx),
            PriceRecords.group(
                PriceFixtures.group(gx, XINGHE, 1, PriceFixtures.retailer("150924000001", "兴和甲"))),
            TIANZHEN));
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.GROUP, gt),
            PriceRecords.group(
                PriceFixtures.group(
                    gt, TIANZHEN, 1, PriceFixtures.retailer("140222000001", "天镇甲"))),
            TIANZHEN));
    // 中华(硬): 兴和县 agrees 450 a carton, 天镇县 470 → 20 元 apart; 玉溪(软) 1 元 apart
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.AGREEMENT, gx),
            PriceRecords.agreement(
                PriceFixtures.agreement(
                    gx,
                    XINGHE,
                    "2026-01-01",
                    1,
                    new AgreedPrice("中华", "硬", 4500, 45000),
                    new AgreedPrice("玉溪", "软", 2300, 23000))),
            TIANZHEN));
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.AGREEMENT, gt),
            PriceRecords.agreement(
                PriceFixtures.agreement(
                    gt,
                    TIANZHEN,
                    "2026-01-01",
                    1,
                    new AgreedPrice("中华", "硬", 4700, 47000),
                    new AgreedPrice("玉溪", "软", 2310, 23100))),
            TIANZHEN));
    // observed: 天镇县's retailers sell 中华 at 480 (a pack at 48 counts as 480 a carton)
    Instant at = LocalDate.parse("2026-06-01").atTime(10, 0).atZone(PriceBook.ZONE).toInstant();
    b.take(
        fresh.check(
            PriceFixtures.plan("150924-check-1", XINGHE, TIANZHEN, List.of("140222000001")),
            List.of(
                new RetailerVisit(
                    "140222000001",
                    at,
                    null,
                    List.of(
                        new ObservedItem("中华", "硬", PackUnit.CARTON, 48000, 48000),
                        new ObservedItem("中华", "硬", PackUnit.PACK, 4800, 4800)),
                    List.of(),
                    null)),
            TIANZHEN));
    List<BorderPairs.Pair> pair = List.of(BorderPairs.Pair.parse("150924-140222"));
    LocalDate from = LocalDate.parse("2026-05-01");
    LocalDate to = LocalDate.parse("2026-06-30");

    List<PriceGap> gaps = figures(b).gaps(from, to, pair);
    PriceGap zhonghua = gaps.stream().filter(g -> g.brand().equals("中华")).findFirst().orElseThrow();
    assertThat(zhonghua.a()).isEqualTo(TIANZHEN); // lower code first
    assertThat(zhonghua.agreedA()).isEqualTo(new BigDecimal("470.00"));
    assertThat(zhonghua.agreedB()).isEqualTo(new BigDecimal("450.00"));
    assertThat(zhonghua.agreedGap()).isEqualTo(new BigDecimal("20.00"));
    assertThat(zhonghua.observedA()).isEqualTo(new BigDecimal("480.00"));
    assertThat(zhonghua.observedB()).isNull();
    assertThat(zhonghua.threshold()).isEqualTo(new BigDecimal("10.00")); // the default
    assertThat(zhonghua.flagged()).isTrue();
    PriceGap yuxi = gaps.stream().filter(g -> g.brand().equals("玉溪")).findFirst().orElseThrow();
    assertThat(yuxi.agreedGap()).isEqualTo(new BigDecimal("1.00"));
    assertThat(yuxi.flagged()).isFalse();
    assertThat(gaps.get(0).flagged()).isTrue(); // flagged first

    // 兴和县 raises its threshold to 25 元: the lower of the two (天镇县's default 10) still applies
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.SETTINGS, XINGHE.code()),
            PriceRecords.settings(new PriceSettings(XINGHE, 0, 2500, 1L)),
            TIANZHEN));
    assertThat(figures(b).gaps(from, to, pair).get(0).flagged()).isTrue();
    b.take(
        fresh.append(
            PriceKeys.of(PriceKeys.SETTINGS, TIANZHEN.code()),
            PriceRecords.settings(new PriceSettings(TIANZHEN, 0, 2500, 1L)),
            TIANZHEN));
    assertThat(figures(b).gaps(from, to, pair).stream().noneMatch(PriceGap::flagged)).isTrue();
    // a pair that is not a border pair of these counties has nothing to compare
    assertThat(figures(b).gaps(from, to, List.of(BorderPairs.Pair.parse("140221-150981"))))
        .isEmpty();
  }

  static PriceFigures figures(PriceBook b) {
    return new PriceFigures(b);
  }
}
