package io.liaison.api.access;

import io.liaison.api.BureauId;
import java.util.Objects;
import java.util.Set;

/**
 * The answer of {@code GET /api/v1/auth/me}: the signed-in officer as {@link SignedInOfficer}, but
 * with the officer number under {@code officer} (sign-in names it {@code id}; the Java client reads
 * both into {@link SignedInOfficer}).
 */
public record Me(String officer, String name, BureauId bureau, Set<Role> roles) {
  public Me {
    Objects.requireNonNull(officer, "officer");
    roles = SignedInOfficer.known(roles);
  }
}
