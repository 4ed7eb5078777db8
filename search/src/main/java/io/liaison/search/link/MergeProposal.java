package io.liaison.search.link;

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
 * A merge proposal (并案建议): records of two or more bureaus held together by strong links, as plain
 * data for the node to sign, distribute and let each bureau accept or decline. Every node that can
 * read the same records computes the same proposal with the same id: the id is derived from the
 * member ids only ({@link #idOf}), lists are sorted, and nothing depends on arrival order. When a
 * member joins or leaves, the proposal is withdrawn and a new one with a new id is raised.
 *
 * @param id {@code mp-} and 32 hex digits of SHA-256 over the sorted member ids
 * @param networkId the network the members belong to
 * @param members the records, sorted by id
 * @param bureaus the bureaus involved, sorted
 * @param suggestedLead the bureau with the most members (then the highest value, then the lowest
 *     code): a suggestion for the lead (主办) bureau
 * @param score the weakest link that still holds the members together (bottleneck of the strongest
 *     spanning tree)
 * @param evidence the entities that tie the members together, most members first
 */
public record MergeProposal(
    String id,
    String networkId,
    List<NetworkMember> members,
    List<BureauId> bureaus,
    BureauId suggestedLead,
    double score,
    List<KeyEntity> evidence,
    LocalDate first,
    LocalDate last,
    long sticks,
    long valueFen) {
  public MergeProposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(networkId, "networkId");
    members = List.copyOf(members);
    bureaus = List.copyOf(bureaus);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(suggestedLead, "suggestedLead");
    if (bureaus.size() < 2) {
      throw new IllegalArgumentException("a merge proposal involves at least two bureaus");
    }
    if (!id.equals(idOf(members.stream().map(NetworkMember::id).toList()))) {
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
