package io.liaison.api.report;

/**
 * What a bureau did with leads in a period (each counted on its Asia/Shanghai day): leads it posted
 * ({@code sent}) and leads addressed to it ({@code received}), claims, hand-overs offered and
 * accepted, feedback given, leads it closed by outcome, and its own leads the period ends with
 * still unclaimed ({@code openAtEnd}).
 */
public record LeadFigures(
    long sent,
    long received,
    long claimed,
    long handoversOffered,
    long handoversAccepted,
    long feedbackGiven,
    long closed,
    long closedCaseOpened,
    long closedUnfounded,
    long closedMerged,
    long closedTransferredToPolice,
    long withdrawn) {}
