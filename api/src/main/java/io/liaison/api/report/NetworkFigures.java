package io.liaison.api.report;

/**
 * Networks and merges (并案) involving a bureau in the period, from the bureaus' signed merge
 * decisions: networks put up for a merge (a proposal whose first decision falls in the period), the
 * bureau's own decisions (accepted, declined), and merges completed (the last involved bureau
 * accepted in the period), of which the bureau is the lead (主办).
 */
public record NetworkFigures(
    long proposals, long accepted, long declined, long merged, long mergedAsLead) {}
