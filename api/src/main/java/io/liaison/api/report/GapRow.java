package io.liaison.api.report;

import io.liaison.api.BureauId;

/**
 * A cross-border price gap per carton between bureau {@code a} and {@code b} for a brand, in fen:
 * agreed prices in force at the period's end and the mean price observed in the period; null when
 * one side has none.
 */
public record GapRow(
    String brand,
    String spec,
    BureauId a,
    BureauId b,
    Long agreedGapFen,
    Long observedGapFen,
    boolean flagged) {}
