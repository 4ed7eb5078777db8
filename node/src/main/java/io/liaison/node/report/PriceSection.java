package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.price.PriceGap;
import io.liaison.api.report.GapRow;
import io.liaison.api.report.PriceSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The price section of a briefing (docs/reports.md "Price checks"): compliance and the five widest
 * cross-border gaps that involve the bureau.
 */
final class PriceSection {
  private PriceSection() {}

  static PriceSummary of(BureauId bureau, PriceFacts facts) {
    List<GapRow> gaps = new ArrayList<>();
    for (PriceGap g : facts.gaps()) {
      if (g.a().equals(bureau) || g.b().equals(bureau)) {
        gaps.add(
            new GapRow(
                g.brand(),
                g.spec(),
                g.a(),
                g.b(),
                fen(g.agreedGap()),
                fen(g.observedGap()),
                g.flagged()));
      }
    }
    gaps.sort(
        Comparator.comparingLong(PriceSection::width)
            .reversed()
            .thenComparing(GapRow::brand)
            .thenComparing(g -> g.spec() == null ? "" : g.spec())
            .thenComparing(g -> g.a().code())
            .thenComparing(g -> g.b().code()));
    return new PriceSummary(
        facts.judged(),
        facts.compliant(),
        gaps.subList(0, Math.min(PriceSummary.MAX_GAPS, gaps.size())));
  }

  private static long width(GapRow g) {
    long o = g.observedGapFen() == null ? 0 : Math.abs(g.observedGapFen());
    long a = g.agreedGapFen() == null ? 0 : Math.abs(g.agreedGapFen());
    return Math.max(o, a);
  }

  private static Long fen(BigDecimal yuan) {
    return yuan == null
        ? null
        : yuan.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
