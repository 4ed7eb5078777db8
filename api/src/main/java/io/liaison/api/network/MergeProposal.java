package io.liaison.api.network;

import io.liaison.api.BureauId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A merge proposal (并案建议): records of two or more bureaus held together by strong links, for each
 * involved bureau to accept or decline. {@code suggestedLead} is a suggestion for the lead (主办)
 * bureau; {@code score} the weakest link that still holds the members together; {@code evidence}
 * the entities that tie them, most members first. The id ({@code mp-…}) depends on the member ids
 * only ({@link #idOf}): every node that reads the same records computes the same proposal with the
 * same id; when a member joins or leaves, the proposal is withdrawn and a new one raised. The one
 * type of the concept: the link engine builds it, the node signs and answers it, the client reads
 * it.
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
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(networkId, "networkId");
    members = members == null ? List.of() : List.copyOf(members);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    Objects.requireNonNull(suggestedLead, "suggestedLead");
    if (bureaus.size() < 2) {
      throw new IllegalArgumentException("a merge proposal involves at least two bureaus");
    }
    if (!id.equals(idOf(members.stream().map(Network.Member::id).toList()))) {
      throw new IllegalArgumentException("proposal id does not match its members");
    }
  }

  /** The proposal id of a set of member ids. */
  public static String idOf(Collection<String> memberIds) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      memberIds.stream()
          .sorted()
          .distinct()
          .forEach(id -> md.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
      return "mp-" + HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
