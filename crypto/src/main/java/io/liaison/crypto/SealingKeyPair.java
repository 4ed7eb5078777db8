package io.liaison.crypto;

import io.liaison.crypto.internal.KeyIds;
import io.liaison.crypto.internal.RawKeys;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * An X25519 key pair for sealing (receiving encrypted content): raw 32-byte keys (RFC 7748). The
 * key id is {@code "x25519:" + 16 hex digits of SHA-256(publicKey)}. Arrays are copied in and out;
 * {@link #toString()} shows no private key.
 */
public record SealingKeyPair(String keyId, byte[] privateKey, byte[] publicKey) {
  public static final int KEY_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  public SealingKeyPair {
    RawKeys.check(
        "X25519",
        keyId,
        privateKey,
        publicKey,
        SealingKeyPair::derivePublic,
        SealingKeyPair::keyIdOf);
    privateKey = privateKey.clone();
    publicKey = publicKey.clone();
  }

  public static SealingKeyPair generate() {
    return fromPrivateKey(new X25519PrivateKeyParameters(RANDOM).getEncoded());
  }

  /** Rebuilds the pair (public key and key id) from the 32-byte private key. */
  public static SealingKeyPair fromPrivateKey(byte[] privateKey) {
    byte[] publicKey =
        new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    return new SealingKeyPair(keyIdOf(publicKey), privateKey, publicKey);
  }

  /** The key id of an X25519 public key. */
  public static String keyIdOf(byte[] publicKey) {
    return KeyIds.of(KeyIds.X25519, publicKey);
  }

  private static byte[] derivePublic(byte[] privateKey) {
    return new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealingKeyPair other
        && keyId.equals(other.keyId)
        && MessageDigest.isEqual(privateKey, other.privateKey);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  @Override
  public String toString() {
    return "SealingKeyPair[keyId=" + keyId + "]";
  }
}
