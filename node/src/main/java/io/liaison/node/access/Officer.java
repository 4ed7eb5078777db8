package io.liaison.node.access;

import io.liaison.api.FieldException;
import io.liaison.api.access.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * An enrolment request for an officer of this node's bureau: officer number ({@code
 * <bureau>-<digits>}), name, roles, initial password, and whether to set up a TOTP second factor.
 */
public record Officer(String id, String name, Set<Role> roles, String password, Boolean totp) {
  public Officer {
    id = FieldException.text(id, "id", 32);
    if (!id.matches("[1-9][0-9]{5}-[0-9]{1,8}")) {
      throw new FieldException("id", "must be <bureau code>-<number>, e.g. 150924-017");
    }
    name = FieldException.text(name, "name", 64);
    if (roles == null || roles.isEmpty()) {
      throw new FieldException("roles", "at least one role is required");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    FieldException.required(password, "password");
    if (password.length() < 10 || password.length() > 200) {
      throw new FieldException("password", "must be 10 to 200 characters");
    }
    totp = totp != null && totp;
  }
}
