package io.liaison.node.access;

import io.liaison.node.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The scrape-only credential ({@code security.metricsTokenFile}): a long random secret that
 * Prometheus sends as {@code Authorization: Bearer …} for {@code GET /metrics}. It opens that one
 * route and no other, belongs to no officer, never expires and is changed by replacing the file and
 * restarting the node. Only its SHA-256 is kept; comparison is constant-time.
 */
public final class ScrapeCredential {
  /** Shortest secret accepted: 32 characters (e.g. {@code openssl rand -hex 32} gives 64). */
  static final int MIN_LENGTH = 32;

  private final byte[] digest;

  private ScrapeCredential(byte[] digest) {
    this.digest = digest;
  }

  /** The credential in {@code file} (its content, surrounding white space ignored), if set. */
  public static Optional<ScrapeCredential> load(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException("security.metricsTokenFile", "cannot read " + file);
    }
    if (secret.length() < MIN_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException(
          "security.metricsTokenFile",
          "must hold one secret of at least " + MIN_LENGTH + " characters without spaces");
    }
    return Optional.of(new ScrapeCredential(sha256(secret)));
  }

  /** True when {@code bearer} is this credential. */
  public boolean matches(String bearer) {
    return MessageDigest.isEqual(digest, sha256(bearer));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
