package io.liaison.api.network;

import io.liaison.api.BureauId;
import java.time.LocalDate;
import java.util.List;

/**
 * A merge proposal (并案建议): records of two or more bureaus held together by strong links, for each
 * involved bureau to accept or decline. {@code suggestedLead} is a suggestion for the lead (主办)
 * bureau; {@code score} the weakest link that still holds the members together; {@code evidence}
 * the entities that tie them, most members first. The id ({@code mp-…}) depends on the member ids
 * only.
 */
public record MergeProposal(
    String id,
    String networkId,
    List<Network.Member> members,
    List<BureauId> bureaus,
    BureauId suggestedLead,
    double score,
    List<Network.KeyEntity> evidence,
    LocalDate first,
    LocalDate last,
    long sticks,
    long valueFen) {
  public MergeProposal {
    members = members == null ? List.of() : List.copyOf(members);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
