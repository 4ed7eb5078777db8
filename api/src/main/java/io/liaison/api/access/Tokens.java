package io.liaison.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as the node hands it out ({@code POST /api/v1/auth/login} and {@code
 * /refresh}): a short-lived access token sent as {@code Authorization: Bearer}, and a refresh token
 * that buys a new pair once (the node spends it). {@link #toString()} never shows the tokens.
 */
public record Tokens(
    String accessToken,
    String refreshToken,
    String tokenType,
    Instant expiresAt,
    Instant refreshExpiresAt,
    SignedInOfficer officer) {
  public Tokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    Objects.requireNonNull(officer, "officer");
    tokenType = tokenType == null ? "Bearer" : tokenType;
  }

  /** Whether the access token is expired at {@code now} or will be within {@code ahead}. */
  public boolean expiresWithin(Duration ahead, Instant now) {
    return !expiresAt.minus(ahead).isAfter(now);
  }

  /** Whether the refresh token can still be used at {@code now}. */
  public boolean refreshable(Instant now) {
    return refreshExpiresAt.isAfter(now);
  }

  @Override
  public String toString() {
    return "Tokens[officer="
        + officer.id()
        + ", expiresAt="
        + expiresAt
        + ", refreshExpiresAt="
        + refreshExpiresAt
        + ", tokens=…]";
  }
}
