package io.liaison.api.reward;

import io.liaison.api.BureauId;
import io.liaison.api.settings.SettingsProposal;
import java.util.List;

/**
 * One version of the sharing rule with who has signed it so far (agreed the way 协作约定 is).
 *
 * @param rule the rule proposed
 * @param contentHash SHA-256 (hex) of the canonical JSON of {@code rule}: names this content when
 *     agreeing
 * @param proposedBy the bureau that signed first
 * @param agreed each bureau's signed agreement, in the order given
 * @param awaiting roster members that have not signed yet (empty: agreed)
 */
public record SharingRuleProposal(
    SharingRule rule,
    String contentHash,
    BureauId proposedBy,
    List<SettingsProposal.Agreement> agreed,
    List<BureauId> awaiting) {
  public SharingRuleProposal {
    agreed = List.copyOf(agreed);
    awaiting = List.copyOf(awaiting);
  }
}
