package io.liaison.api.price;

import io.liaison.api.BureauId;
import java.math.BigDecimal;

/**
 * The price of one brand per carton on either side of a border pair: agreed (the lowest agreed
 * price in force among the county's groups, in 元) and observed (the mean price charged in the
 * window, in 元), and the gaps (a − b). Flagged when a gap exceeds the lower of the two bureaus'
 * thresholds: a carton cheaper across the line invites it across.
 */
public record PriceGap(
    String brand,
    String spec,
    BureauId a,
    BureauId b,
    BigDecimal agreedA,
    BigDecimal agreedB,
    BigDecimal agreedGap,
    BigDecimal observedA,
    BigDecimal observedB,
    BigDecimal observedGap,
    BigDecimal threshold,
    boolean flagged) {}
