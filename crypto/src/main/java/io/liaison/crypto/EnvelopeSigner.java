package io.liaison.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.Ed25519;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Signs payloads as one bureau with one signing key. Thread-safe (a new Bouncy Castle signer per
 * call). Chaining is the caller's job: pass the previous envelope's {@link SignedEnvelope#hash()}
 * (or {@link Hashes#GENESIS}) and, for audit-chained payloads, a {@code seq} field (see {@link
 * AuditChain}).
 */
public final class EnvelopeSigner {
  private final BureauId bureau;
  private final String keyId;
  private final Ed25519PrivateKeyParameters key;

  public EnvelopeSigner(BureauId bureau, SigningKeyPair key) {
    this.bureau = Objects.requireNonNull(bureau, "bureau");
    this.keyId = key.keyId();
    this.key = key.signingParameters();
  }

  /**
   * Signs {@code payload} (a JSON object) at {@code signedAt}, truncated to the millisecond.
   *
   * @throws IllegalArgumentException if the payload cannot be canonicalized (see {@link
   *     CanonicalJson}) or {@code prevHash} is not 64 lower-case hex digits
   */
  public SignedEnvelope sign(JsonNode payload, String prevHash, Instant signedAt) {
    Instant at = signedAt.truncatedTo(ChronoUnit.MILLIS);
    SignedEnvelope unsigned = new SignedEnvelope(payload, bureau, keyId, at, prevHash, "");
    byte[] signature = Ed25519.sign(key, unsigned.signingInput());
    return new SignedEnvelope(
        unsigned.payload(), bureau, keyId, at, prevHash, Base64Url.encode(signature));
  }

  public BureauId bureau() {
    return bureau;
  }

  public String keyId() {
    return keyId;
  }
}
