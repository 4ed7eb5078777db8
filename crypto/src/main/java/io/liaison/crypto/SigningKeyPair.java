package io.liaison.crypto;

import io.liaison.crypto.internal.Ed25519;
import io.liaison.crypto.internal.KeyIds;
import io.liaison.crypto.internal.RawKeys;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 signing key pair: raw 32-byte keys (RFC 8032). The key id is derived from the public
 * key ({@code "ed25519:" + 16 hex digits of SHA-256(publicKey)}), so a key id names exactly one
 * key. Arrays are copied in and out; {@link #toString()} shows no private key.
 */
public record SigningKeyPair(String keyId, byte[] privateKey, byte[] publicKey) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public SigningKeyPair {
    RawKeys.check(
        "Ed25519",
        keyId,
        privateKey,
        publicKey,
        SigningKeyPair::derivePublic,
        SigningKeyPair::keyIdOf);
    privateKey = privateKey.clone();
    publicKey = publicKey.clone();
  }

  /** A fresh key pair from a {@link SecureRandom}. */
  public static SigningKeyPair generate() {
    return fromPrivateKey(new Ed25519PrivateKeyParameters(RANDOM).getEncoded());
  }

  /** Rebuilds the pair (public key and key id) from the 32-byte private key. */
  public static SigningKeyPair fromPrivateKey(byte[] privateKey) {
    byte[] publicKey =
        new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    return new SigningKeyPair(keyIdOf(publicKey), privateKey, publicKey);
  }

  /** The key id of an Ed25519 public key. */
  public static String keyIdOf(byte[] publicKey) {
    return KeyIds.of(KeyIds.ED25519, publicKey);
  }

  private static byte[] derivePublic(byte[] privateKey) {
    return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Bouncy Castle parameters for signing (thread-safe, reusable). */
  public Ed25519PrivateKeyParameters signingParameters() {
    return new Ed25519PrivateKeyParameters(privateKey, 0);
  }

  /** Signs raw bytes with Ed25519. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(signingParameters(), message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKeyPair other
        && keyId.equals(other.keyId)
        && MessageDigest.isEqual(privateKey, other.privateKey);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode();
  }

  @Override
  public String toString() {
    return "SigningKeyPair[keyId=" + keyId + "]";
  }
}
