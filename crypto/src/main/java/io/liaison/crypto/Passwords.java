package io.liaison.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Officer password hashing with Argon2id (Bouncy Castle), encoded in the PHC string format {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (OWASP's minimum parameters: 19 MiB, 2 passes).
 * Verification recomputes with the parameters in the string and compares in constant time.
 */
public final class Passwords {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private Passwords() {}

  /** A new hash of {@code password} with a random salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code encoded}; false for any malformed encoding. */
  public static boolean verify(char[] password, String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        int v = Integer.parseInt(kv.substring(2));
        switch (kv.charAt(0)) {
          case 'm' -> m = v;
          case 't' -> t = v;
          case 'p' -> p = v;
          default -> {
            return false;
          }
        }
      }
      if (m < 8 || m > 1 << 21 || t < 1 || t > 10 || p < 1 || p > 16) {
        return false;
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build());
    byte[] pw = toUtf8(password);
    try {
      byte[] out = new byte[length];
      gen.generateBytes(pw, out);
      return out;
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  private static byte[] toUtf8(char[] chars) {
    var buf = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    return out;
  }
}
