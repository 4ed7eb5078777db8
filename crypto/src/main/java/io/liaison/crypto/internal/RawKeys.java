package io.liaison.crypto.internal;

import java.security.MessageDigest;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Shared checks of the raw 32-byte key pair records. */
public final class RawKeys {
  public static final int LENGTH = 32;

  private RawKeys() {}

  /**
   * Checks lengths, that the public key belongs to the private key and that the key id is the one
   * derived from the public key. Messages name no key material.
   */
  public static void check(
      String algorithm,
      String keyId,
      byte[] privateKey,
      byte[] publicKey,
      UnaryOperator<byte[]> publicFromPrivate,
      Function<byte[], String> keyIdOf) {
    if (keyId == null || privateKey == null || publicKey == null) {
      throw new NullPointerException(algorithm + " key pair parts must not be null");
    }
    if (privateKey.length != LENGTH || publicKey.length != LENGTH) {
      throw new IllegalArgumentException(algorithm + " keys are 32 bytes");
    }
    if (!MessageDigest.isEqual(publicFromPrivate.apply(privateKey), publicKey)) {
      throw new IllegalArgumentException("public key does not belong to the private key");
    }
    if (!keyId.equals(keyIdOf.apply(publicKey))) {
      throw new IllegalArgumentException("key id does not match the public key");
    }
  }
}
