package io.liaison.crypto.internal;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * A content key wrapped for one recipient with HPKE (RFC 9180, base mode, DHKEM(X25519,
 * HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM; Bouncy Castle): the one place both sealers wrap and
 * unwrap. {@code enc} and {@code wrappedKey} are base64url.
 */
public final class Hpke {
  /** One recipient's encapsulated key and wrapped content key. */
  public record Wrapped(String enc, String wrappedKey) {}

  private Hpke() {}

  public static Wrapped wrap(byte[] contentKey, byte[] publicKey, byte[] info, byte[] aad) {
    HPKE hpke = suite();
    try {
      byte[][] result =
          hpke.seal(hpke.deserializePublicKey(publicKey), info, aad, contentKey, null, null, null);
      return new Wrapped(Base64Url.encode(result[1]), Base64Url.encode(result[0]));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE seal failed", e);
    }
  }

  /**
   * The content key.
   *
   * @throws InvalidCipherTextException if it does not authenticate
   */
  public static byte[] unwrap(
      String enc, String wrappedKey, byte[] privateKey, byte[] publicKey, byte[] info, byte[] aad)
      throws InvalidCipherTextException {
    HPKE hpke = suite();
    AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(privateKey, publicKey);
    return hpke.open(
        Base64Url.decode(enc), pair, info, aad, Base64Url.decode(wrappedKey), null, null, null);
  }

  private static HPKE suite() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }
}
