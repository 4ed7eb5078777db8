package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The roster in force on a node and the node's own bureau, as {@code GET /api/v1/roster} answers
 * it: the roster's version and issue time, {@code self}, and the members with their keys. A wire
 * type kept here beside {@link Roster} rather than in {@code api} because its members carry {@link
 * MemberKey}s, which {@code api} (no crypto) cannot name.
 */
public record RosterView(long version, Instant issuedAt, BureauId self, List<Member> members) {
  public RosterView {
    Objects.requireNonNull(self, "self");
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** The roster {@code r} as node {@code self} answers it. */
  public static RosterView of(Roster r, BureauId self) {
    return new RosterView(r.version(), r.issuedAt(), self, r.members());
  }

  /** The member entry of {@code bureau}, if it is a member. */
  public Optional<Member> member(BureauId bureau) {
    return members.stream().filter(m -> m.bureau().equals(bureau)).findFirst();
  }
}
