package io.liaison.crypto.internal;

import io.liaison.crypto.Hashes;

/** Key ids derived from public keys: {@code "<alg>:" + first 16 hex digits of SHA-256(key)}. */
public final class KeyIds {
  public static final String ED25519 = "ed25519";
  public static final String X25519 = "x25519";

  private KeyIds() {}

  public static String of(String algorithm, byte[] publicKey) {
    return algorithm + ":" + Hashes.sha256Hex(publicKey).substring(0, 16);
  }
}
