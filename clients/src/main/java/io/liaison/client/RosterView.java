package io.liaison.client;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The roster in force on a node ({@code GET /api/v1/roster}) as far as a client needs it: its
 * version, the node's own bureau ({@code self}) and the members. Key material is left out; read the
 * raw JSON for it.
 */
public record RosterView(long version, Instant issuedAt, BureauId self, List<Member> members) {
  public RosterView {
    Objects.requireNonNull(self, "self");
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** The member entry of {@code bureau}, if it is a member. */
  public Optional<Member> member(BureauId bureau) {
    return members.stream().filter(m -> m.bureau().equals(bureau)).findFirst();
  }

  /** One member bureau: code, full name (e.g. 兴和县烟草专卖局), province, HTTP endpoints. */
  public record Member(BureauId bureau, String name, String province, List<String> endpoints) {
    private static final String SUFFIX = "烟草专卖局";

    public Member {
      Objects.requireNonNull(bureau, "bureau");
      name = name == null ? bureau.code() : name;
      endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** The county's name without the bureau suffix, e.g. 兴和县. */
    public String shortName() {
      return name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
          ? name.substring(0, name.length() - SUFFIX.length())
          : name;
    }
  }
}
