package io.liaison.api.access;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.liaison.api.BureauId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who a session belongs to: officer number ({@code <bureau>-<number>}), name, bureau and roles, as
 * sign-in ({@code officer}) and {@code GET /api/v1/auth/me} report it.
 */
public record SignedInOfficer(
    @JsonAlias("officer") String id, String name, BureauId bureau, Set<Role> roles) {
  public SignedInOfficer {
    Objects.requireNonNull(id, "id");
    roles = known(roles);
  }

  /**
   * The roles, in their declared order, that this side knows (a client reading a newer node reads a
   * new role as null and leaves it out).
   */
  static Set<Role> known(Set<Role> roles) {
    EnumSet<Role> known = EnumSet.noneOf(Role.class);
    if (roles != null) {
      roles.stream().filter(Objects::nonNull).forEach(known::add);
    }
    return Collections.unmodifiableSet(known);
  }

  /** Whether the officer holds {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
