package io.liaison.api.access;

import java.time.Instant;
import java.util.Set;

/**
 * An officer of the node's bureau as the administrator lists them ({@code GET
 * /api/v1/admin/officers}): no secrets; {@code lockedUntil} is set while failed sign-ins lock the
 * officer out.
 */
public record OfficerSummary(
    String id, String name, Set<Role> roles, boolean disabled, Instant lockedUntil, boolean totp) {
  public OfficerSummary {
    roles = SignedInOfficer.known(roles);
  }
}
