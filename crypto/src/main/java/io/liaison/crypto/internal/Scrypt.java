package io.liaison.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.SCrypt;

/** A 256-bit key from a passphrase (UTF-8) with scrypt; the passphrase bytes are wiped. */
public final class Scrypt {
  private Scrypt() {}

  public static byte[] derive(char[] passphrase, byte[] salt, int n, int r, int p) {
    Objects.requireNonNull(passphrase, "passphrase");
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return SCrypt.generate(bytes, salt, n, r, p, Aead.KEY_LENGTH);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
