package io.liaison.api;

import java.util.Objects;

/**
 * The answer of {@code /health/live} and {@code /health/ready}: {@code UP} or {@code DOWN}, and
 * which build answers (an operator upgrading bureaus one at a time sees which node runs what).
 */
public record HealthStatus(String status, String version, String commit) {
  public HealthStatus {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
  }

  /** {@code UP} or {@code DOWN}, with this build's version and commit. */
  public static HealthStatus of(boolean up) {
    BuildInfo b = BuildInfo.current();
    return new HealthStatus(up ? "UP" : "DOWN", b.version(), b.commit());
  }
}
