package io.liaison.api.network;

import java.util.List;

/** The merge proposals with their decisions ({@code GET /api/v1/networks/proposals}). */
public record MergeProposalList(int total, List<ProposalView> proposals) {
  public MergeProposalList {
    proposals = proposals == null ? List.of() : List.copyOf(proposals);
  }

  /** The list of {@code proposals} in the order given. */
  public static MergeProposalList of(List<ProposalView> proposals) {
    return new MergeProposalList(proposals.size(), proposals);
  }
}
