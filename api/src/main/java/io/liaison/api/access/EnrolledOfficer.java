package io.liaison.api.access;

import java.util.Set;

/**
 * The node's answer to an enrolment: the officer as enrolled, and when a TOTP second factor was set
 * up, its {@code otpauth://} provisioning URI (shown once, for the officer's authenticator app).
 */
public record EnrolledOfficer(String id, String name, Set<Role> roles, String totpUri) {
  public EnrolledOfficer {
    roles = SignedInOfficer.known(roles);
  }
}
