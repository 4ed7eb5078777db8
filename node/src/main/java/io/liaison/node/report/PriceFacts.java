package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.price.ComplianceFigures;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.PriceGap;
import io.liaison.api.report.Period;
import io.liaison.node.price.BorderPairs;
import io.liaison.node.price.PriceBook;
import io.liaison.node.price.PriceFigures;
import java.util.List;

/**
 * The price figures of one bureau and period as {@link io.liaison.node.price.PriceFigures} computes
 * them (observations judged and compliant; the cross-border gaps of its border pairs).
 */
public record PriceFacts(long judged, long compliant, List<PriceGap> gaps) {
  public static final PriceFacts NONE = new PriceFacts(0, 0, List.of());

  public PriceFacts {
    gaps = List.copyOf(gaps);
  }

  /** The figures of {@code bureau} for {@code period} from the price book (blocking). */
  public static PriceFacts of(PriceBook book, BureauId bureau, Period period) {
    PriceFigures figures = new PriceFigures(book);
    ComplianceFigures c = figures.compliance(Dimension.COUNTY, period.from(), period.to(), bureau);
    List<BorderPairs.Pair> pairs =
        book.borderPairs().stream().filter(p -> p.involves(bureau)).toList();
    return new PriceFacts(
        c.total().judged(), c.total().compliant(), figures.gaps(period.from(), period.to(), pairs));
  }

  /** Observations judged and compliant in {@code bureau}'s county over the period (blocking). */
  public static long[] compliance(PriceBook book, BureauId bureau, Period period) {
    ComplianceFigures c =
        new PriceFigures(book).compliance(Dimension.COUNTY, period.from(), period.to(), bureau);
    return new long[] {c.total().judged(), c.total().compliant()};
  }
}
