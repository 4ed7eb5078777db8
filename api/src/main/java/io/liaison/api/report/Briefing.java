package io.liaison.api.report;

import io.liaison.api.BureauId;

/**
 * A bureau's briefing (通报) for a period: the figures computed from the shared records and its own
 * text on market movements (市场动向). This is what the bureau signs ({@code report.briefing}); two
 * nodes holding the same records give the same canonical bytes for the same bureau, period and
 * text. Only integers: counts, sticks, fen (the units 万支/万元 and the rates are the outputs').
 *
 * @param schema version of this layout (1)
 * @param kind QUARTER, MONTH, HALF or RANGE, from the period's label
 */
public record Briefing(
    int schema,
    BureauId bureau,
    String kind,
    Period period,
    LeadFigures leads,
    CaseFigures cases,
    PriceSummary prices,
    String marketNotes) {
  public static final int SCHEMA = 1;
  public static final int MAX_NOTES = 20_000;
}
