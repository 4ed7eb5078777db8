package io.liaison.client;

import io.liaison.api.access.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An officer for the bureau administrator to enrol ({@code POST /api/v1/admin/officers}): officer
 * number {@code <bureau code>-<number>} of the node's bureau, name, roles, the first password (10
 * to 200 characters) and whether to set up a TOTP second factor. Checked here by the node's rules,
 * so that a mistake is reported before anything is sent. {@link #toString()} hides the password.
 */
public record OfficerEnrolment(
    String id, String name, Set<Role> roles, String password, boolean totp) {
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{5}-[0-9]{1,8}");

  public OfficerEnrolment {
    Objects.requireNonNull(id, "id");
    id = id.strip();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "officer number must be <bureau code>-<number>, e.g. 150924-017");
    }
    if (name == null || name.isBlank() || name.strip().length() > 64) {
      throw new IllegalArgumentException("name must be 1 to 64 characters");
    }
    name = name.strip();
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("at least one role is required");
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    Objects.requireNonNull(password, "password");
    if (password.length() < 10 || password.length() > 200) {
      throw new IllegalArgumentException("password must be 10 to 200 characters");
    }
  }

  @Override
  public String toString() {
    return "OfficerEnrolment[id="
        + id
        + ", name="
        + name
        + ", roles="
        + roles
        + ", totp="
        + totp
        + "]";
  }
}
