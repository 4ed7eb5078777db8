package io.liaison.crypto;

import java.util.Objects;

/** The outcome of {@link EnvelopeVerifier#verify}: valid, or invalid with a reason. */
public sealed interface Verification permits Verification.Valid, Verification.Invalid {

  boolean isValid();

  /** Why an envelope was refused. Stable names: use them as metric tags and in reports. */
  enum Reason {
    /** Not a well-formed envelope (bad JSON, missing field, bad encoding, not canonicalizable). */
    MALFORMED,
    /** No trusted roster is loaded. */
    NO_ROSTER,
    /** The signer bureau is not in the roster. */
    UNKNOWN_SIGNER,
    /** No key with this id in the roster. */
    UNKNOWN_KEY,
    /** The key exists but belongs to another bureau. */
    WRONG_KEY_OWNER,
    /** The key is not a signing key. */
    WRONG_KEY_USE,
    /** Signed before the key's {@code validFrom}. */
    KEY_NOT_YET_VALID,
    /** Signed at or after the key's revocation. */
    KEY_REVOKED,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The payload does not satisfy the caller's schema check. */
    BAD_PAYLOAD
  }

  /** The envelope verified under the roster. */
  record Valid(SignedEnvelope envelope) implements Verification {
    public Valid {
      Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /** Refused; {@code detail} is for logs and the quarantine list and holds no key material. */
  record Invalid(Reason reason, String detail) implements Verification {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? "" : detail;
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }
}
