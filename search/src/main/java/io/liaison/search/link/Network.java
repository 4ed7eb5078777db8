package io.liaison.search.link;

import io.liaison.api.BureauId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A networked case (网络案件): records that are connected by links, with what officers look at first.
 *
 * @param id stable while the network keeps its first member: {@code net-} and a hash of the
 *     smallest member id
 * @param members the records, by date then id
 * @param bureaus the bureaus that own members, sorted
 * @param keyEntities the entities that tie it together, most members first
 * @param first the earliest member's date
 * @param last the latest member's date
 * @param sticks seized sticks over all members
 * @param valueFen case value over all members, in fen
 * @param links number of links between members
 */
public record Network(
    String id,
    List<NetworkMember> members,
    List<BureauId> bureaus,
    List<KeyEntity> keyEntities,
    LocalDate first,
    LocalDate last,
    long sticks,
    long valueFen,
    int links) {
  public Network {
    Objects.requireNonNull(id, "id");
    members = List.copyOf(members);
    bureaus = List.copyOf(bureaus);
    keyEntities = List.copyOf(keyEntities);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a network has at least two members");
    }
  }

  /** Whether members belong to more than one bureau. */
  public boolean crossBorder() {
    return bureaus.size() > 1;
  }
}
