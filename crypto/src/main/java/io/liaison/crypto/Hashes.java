package io.liaison.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers and the chain's genesis hash. */
public final class Hashes {
  /** The previous-hash of the first entry of a chain: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private Hashes() {}

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Lower-case hex of SHA-256 of {@code data} (64 characters). */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  /** True for exactly 64 lower-case hex digits. */
  public static boolean isSha256Hex(String text) {
    return text != null && SHA256_HEX.matcher(text).matches();
  }
}
