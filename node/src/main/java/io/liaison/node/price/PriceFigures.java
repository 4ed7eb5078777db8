package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.cases.Fen;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.ComplianceRow;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.PriceGap;
import io.liaison.api.price.Product;
import io.liaison.api.price.RepeatDeviator;
import io.liaison.node.price.internal.TableFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures of price checks, computed from this node's {@link PriceBook} (what it holds: its own
 * checks and every recorded one): compliance by county, group, brand, month or quarter with the
 * period before; retailers who deviate again; cross-border gaps per brand. They are read from the
 * book's month sums, kept as checks are taken (cost: the cells of the months in the window plus the
 * items of partial months at its edges, see {@code TableFigures}). Blocking: call it on a worker
 * thread.
 */
public final class PriceFigures {
  private final PriceBook book;

  public PriceFigures(PriceBook book) {
    this.book = book;
  }

  /**
   * Compliance of [from, to]; for MONTH and QUARTER, {@code from} is taken back to the start of its
   * period.
   */
  public ComplianceFigures compliance(Dimension by, LocalDate from, LocalDate to, BureauId bureau) {
    LocalDate start =
        switch (by) {
          case MONTH -> from.withDayOfMonth(1);
          case QUARTER -> LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
          default -> from;
        };
    TableFigures.Compliance c =
        book.withTable(
            t -> {
              int filter = bureau == null ? -1 : t.table().bureaus.find(bureau.code());
              if (bureau != null && filter < 0) {
                return null; // nothing observed in that county
              }
              return TableFigures.compliance(
                  t.table(), by, (int) start.toEpochDay(), (int) to.toEpochDay(), filter);
            });
    if (c == null) {
      return new ComplianceFigures(by, start, to, List.of(), row(zero()), 0);
    }
    return new ComplianceFigures(
        by,
        start,
        to,
        c.rows().stream().map(PriceFigures::row).toList(),
        row(c.total()),
        c.unjudged());
  }

  private static TableFigures.Counts zero() {
    return new TableFigures.Counts("total", 0, 0, 0, 0);
  }

  private static ComplianceRow row(TableFigures.Counts c) {
    return new ComplianceRow(
        c.key(),
        c.judged(),
        c.compliant(),
        Deviation.rate(c.compliant(), c.judged()),
        c.prevJudged(),
        c.prevCompliant(),
        Deviation.rate(c.prevCompliant(), c.prevJudged()));
  }

  /** Retailers with at least {@code min} visits in [from, to] that found a deviation. */
  public List<RepeatDeviator> deviators(LocalDate from, LocalDate to, BureauId bureau, int min) {
    return book.withTable(
        t -> {
          int filter = bureau == null ? -1 : t.table().bureaus.find(bureau.code());
          if (bureau != null && filter < 0) {
            return List.<RepeatDeviator>of();
          }
          List<RepeatDeviator> out = new ArrayList<>();
          // one BureauId per county and one name look-up per retailer, not per row
          BureauId[] bureaus = new BureauId[t.table().bureaus.size()];
          for (int i = 0; i < bureaus.length; i++) {
            bureaus[i] = BureauId.of(t.table().bureaus.get(i));
          }
          String[] names = t.names();
          for (TableFigures.Deviator d :
              TableFigures.deviators(
                  t.table(), (int) from.toEpochDay(), (int) to.toEpochDay(), filter, min)) {
            String licence = t.table().retailers.get(d.retailer());
            out.add(
                new RepeatDeviator(
                    licence,
                    d.retailer() < names.length ? names[d.retailer()] : null,
                    bureaus[d.bureau()],
                    d.group() < 0 ? null : t.table().groups.get(d.group()),
                    d.visits(),
                    d.deviating(),
                    Instant.ofEpochMilli(d.lastAt())));
          }
          return out;
        });
  }

  /**
   * Gaps per brand across each border pair: agreed (lowest carton price in force on {@code to}) and
   * observed (mean charged per carton in [from, to]); flagged above the lower of the two bureaus'
   * thresholds. Flagged gaps first.
   */
  public List<PriceGap> gaps(LocalDate from, LocalDate to, List<BorderPairs.Pair> pairs) {
    Map<BureauId, Map<Product, Long>> agreed = book.agreedCartons(to);
    record Observed(List<String> bureaus, List<Product> products, long[][][] sums) {}
    Observed observed =
        book.withTable(
            t -> {
              List<String> bureaus = new ArrayList<>();
              for (int i = 0; i < t.table().bureaus.size(); i++) {
                bureaus.add(t.table().bureaus.get(i));
              }
              return new Observed(
                  bureaus,
                  List.copyOf(t.products()),
                  TableFigures.cartonPrices(
                      t.table(), (int) from.toEpochDay(), (int) to.toEpochDay()));
            });
    List<PriceGap> out = new ArrayList<>();
    for (BorderPairs.Pair pair : pairs) {
      Set<Product> products = new TreeSet<>();
      products.addAll(agreed.getOrDefault(pair.a(), Map.of()).keySet());
      products.addAll(agreed.getOrDefault(pair.b(), Map.of()).keySet());
      long threshold =
          Math.min(
              book.settings(pair.a()).gapThresholdFen(), book.settings(pair.b()).gapThresholdFen());
      for (Product p : products) {
        Long aa = agreed.getOrDefault(pair.a(), Map.of()).get(p);
        Long ab = agreed.getOrDefault(pair.b(), Map.of()).get(p);
        long[] oa = sums(observed.bureaus(), observed.products(), observed.sums(), pair.a(), p);
        long[] ob = sums(observed.bureaus(), observed.products(), observed.sums(), pair.b(), p);
        BigDecimal agreedGap = aa == null || ab == null ? null : Fen.toYuan(aa - ab);
        BigDecimal meanA = Deviation.meanYuan(oa[0], oa[1]);
        BigDecimal meanB = Deviation.meanYuan(ob[0], ob[1]);
        BigDecimal observedGap = meanA == null || meanB == null ? null : meanA.subtract(meanB);
        if (agreedGap == null && observedGap == null) {
          continue;
        }
        BigDecimal th = Fen.toYuan(threshold);
        boolean flagged =
            (agreedGap != null && agreedGap.abs().compareTo(th) > 0)
                || (observedGap != null && observedGap.abs().compareTo(th) > 0);
        out.add(
            new PriceGap(
                p.brand(),
                p.spec(),
                pair.a(),
                pair.b(),
                aa == null ? null : Fen.toYuan(aa),
                ab == null ? null : Fen.toYuan(ab),
                agreedGap,
                meanA,
                meanB,
                observedGap,
                th,
                flagged));
      }
    }
    out.sort(Comparator.comparing(PriceGap::flagged).reversed());
    return out;
  }

  private static long[] sums(
      List<String> bureaus, List<Product> products, long[][][] sums, BureauId b, Product p) {
    int bi = bureaus.indexOf(b.code());
    int pi = products.indexOf(p);
    if (bi < 0 || pi < 0 || bi >= sums.length || pi >= sums[bi].length) {
      return new long[2];
    }
    return sums[bi][pi];
  }
}
