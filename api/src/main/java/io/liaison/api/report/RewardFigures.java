package io.liaison.api.report;

/**
 * The reward ledger's figures of a briefing (奖励兑现): what the bureau settled in the period (by the
 * Shanghai day paid) and the cases credited to it (filed in the period, made by it or produced by
 * its lead elsewhere). Absent from briefings of schema 2 and before.
 *
 * @param paidEntries settlement entries the bureau signed
 * @param paidToBureausFen of them, shares paid to other bureaus
 * @param paidToInformantsFen of them, informants' rewards (by register line; no identity here)
 * @param receivedEntries entries of other bureaus paying this one
 * @param receivedFen what they paid it
 * @param creditedCases cases credited to the bureau, each once
 * @param leadCases of them, cases another bureau made from its lead
 */
public record RewardFigures(
    long paidEntries,
    long paidToBureausFen,
    long paidToInformantsFen,
    long receivedEntries,
    long receivedFen,
    long creditedCases,
    long leadCases) {}
