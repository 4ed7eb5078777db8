package io.liaison.api.report;

import io.liaison.api.BureauId;

/**
 * A bureau's briefing (通报) for a period: the figures computed from the shared records and its own
 * text on market movements (市场动向). This is what the bureau signs ({@code report.briefing}); two
 * nodes holding the same records give the same canonical bytes for the same bureau, period and
 * text. Only integers: counts, sticks, fen (the units 万支/万元 and the rates are the outputs').
 *
 * @param schema version of this layout (2: joint actions, networks and merges, feedback on time,
 *     and the major-case value the figures used; a schema 1 briefing has them null)
 * @param kind QUARTER, MONTH, HALF or RANGE, from the period's label
 * @param majorThresholdFen the major-case value (大要案) the figures used: the bureaus' agreed value
 *     in force (协作约定), else 5万元
 */
public record Briefing(
    int schema,
    BureauId bureau,
    String kind,
    Period period,
    LeadFigures leads,
    CaseFigures cases,
    PriceSummary prices,
    String marketNotes,
    Long majorThresholdFen,
    ActionFigures actions,
    NetworkFigures networks,
    FeedbackFigures feedback,
    RewardFigures rewards) {
  public static final int SCHEMA = 3;
  public static final int MAX_NOTES = 20_000;
}
