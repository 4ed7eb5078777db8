package io.liaison.api.reward;

import java.util.List;

/**
 * What {@code GET /api/v1/rewards/rules} answers.
 *
 * @param inForce the newest version every roster member signed, or null when none is agreed yet
 * @param proposals versions newer than the one in force, with their signatures so far
 * @param agreed every agreed version, newest first: a case is settled under the newest of them
 *     whose {@code effectiveFrom} is on or before its filing day
 */
public record SharingRuleView(
    SharingRuleProposal inForce,
    List<SharingRuleProposal> proposals,
    List<SharingRuleProposal> agreed) {
  public SharingRuleView {
    proposals = List.copyOf(proposals);
    agreed = List.copyOf(agreed);
  }
}
