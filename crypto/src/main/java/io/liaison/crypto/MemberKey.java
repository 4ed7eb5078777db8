package io.liaison.crypto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liaison.crypto.internal.Base64Url;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A public key of a member in the roster. {@code publicKey} is the raw 32-byte key in base64url;
 * {@code keyId} must be the id derived from it ({@link SigningKeyPair#keyIdOf} or {@link
 * SealingKeyPair#keyIdOf}). The key is valid for signatures made at {@code t} when {@code validFrom
 * <= t} and it is not revoked at or before {@code t}. Times are kept to the millisecond.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberKey(
    String keyId, KeyUse use, String publicKey, Instant validFrom, Instant revokedAt) {
  public MemberKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(validFrom, "validFrom");
    byte[] raw = Base64Url.decode(publicKey, 32, "public key");
    String expected =
        use == KeyUse.SIGNING ? SigningKeyPair.keyIdOf(raw) : SealingKeyPair.keyIdOf(raw);
    if (!keyId.equals(expected)) {
      throw new IllegalArgumentException("key id " + keyId + " does not match its public key");
    }
    validFrom = validFrom.truncatedTo(ChronoUnit.MILLIS);
    if (revokedAt != null) {
      revokedAt = revokedAt.truncatedTo(ChronoUnit.MILLIS);
      if (revokedAt.isBefore(validFrom)) {
        throw new IllegalArgumentException("key " + keyId + " is revoked before it is valid");
      }
    }
  }

  public static MemberKey signing(SigningKeyPair pair, Instant validFrom) {
    return new MemberKey(
        pair.keyId(), KeyUse.SIGNING, Base64Url.encode(pair.publicKey()), validFrom, null);
  }

  public static MemberKey sealing(SealingKeyPair pair, Instant validFrom) {
    return new MemberKey(
        pair.keyId(), KeyUse.SEALING, Base64Url.encode(pair.publicKey()), validFrom, null);
  }

  /** The raw 32-byte public key. */
  public byte[] publicKeyBytes() {
    return Base64Url.decode(publicKey);
  }

  /** True when a signature (or sealing) made at {@code at} may use this key. */
  public boolean validAt(Instant at) {
    return !at.isBefore(validFrom) && !revokedAt(at);
  }

  /** True when the key is revoked at or before {@code at}. */
  public boolean revokedAt(Instant at) {
    return revokedAt != null && !revokedAt.isAfter(at);
  }

  /** This key revoked at {@code at} (an earlier revocation is kept). */
  public MemberKey revoke(Instant at) {
    if (revokedAt != null && !revokedAt.isAfter(at)) {
      return this;
    }
    return new MemberKey(keyId, use, publicKey, validFrom, at);
  }
}
