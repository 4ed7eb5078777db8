package io.liaison.api.price;

import java.math.BigDecimal;

/**
 * Compliance of one group of observations: how many items were judged, how many complied, the rate
 * in percent (two decimals, half up; null when none was judged), and the same for the period before
 * (the previous month or quarter, or the window of equal length before {@code from}).
 *
 * @param key the county's bureau code, the group id, the brand label, {@code 2026-03} or {@code
 *     2026-Q1}
 */
public record ComplianceRow(
    String key,
    long judged,
    long compliant,
    BigDecimal rate,
    long previousJudged,
    long previousCompliant,
    BigDecimal previousRate) {}
