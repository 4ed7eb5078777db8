package io.liaison.node.access;

import io.liaison.api.BureauId;
import io.liaison.api.access.Role;
import java.util.Set;

/** The signed-in officer of a request: who, of which bureau, with which roles, in which session. */
public record Principal(
    String officer, String name, BureauId bureau, Set<Role> roles, String session) {
  public Principal {
    roles = Set.copyOf(roles);
  }

  /** The key under which request handlers find the principal in the routing context. */
  public static final String KEY = "liaison.principal";
}
