package io.liaison.api.reward;

/**
 * What a rule gives for one case, in fen. {@code leadBureauFen + caseBureauFen} is exactly the
 * case's bureau reward.
 *
 * @param ruleVersion the rule used
 * @param informantFen the informant's reward (0 when the case came from no informant)
 * @param leadBureauFen the share of the bureau whose lead produced the case
 * @param caseBureauFen the share of the bureau that made the case
 */
public record RewardShares(
    long ruleVersion, long informantFen, long leadBureauFen, long caseBureauFen) {}
