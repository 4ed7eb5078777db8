package io.liaison.api.network;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The data of event {@code merge.proposed}: once per proposal, on the nodes of the bureaus involved
 * — the proposal, its network, the bureaus, the suggested lead (主办) bureau and the member ids.
 */
public record MergeProposedEvent(
    String proposalId,
    String networkId,
    List<BureauId> bureaus,
    BureauId suggestedLead,
    List<String> members) {
  public MergeProposedEvent {
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    members = members == null ? List.of() : List.copyOf(members);
  }
}
