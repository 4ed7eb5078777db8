package io.liaison.crypto;

import io.liaison.crypto.Verification.Invalid;
import io.liaison.crypto.Verification.Reason;
import io.liaison.crypto.internal.Base64Url;
import io.liaison.crypto.internal.Ed25519;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The one verification path for signed envelopes. Checks, in order: the signer is a roster member;
 * the key id is in the roster, belongs to that member and is a signing key; the key is valid at
 * {@code signedAt} ({@code validFrom <= signedAt} and not revoked at or before {@code signedAt});
 * the Ed25519 signature over the canonical signing input; and, if given, the caller's payload
 * check. Thread-safe; never throws for bad input (it returns {@link Invalid}).
 *
 * <p>The roster supplier is read on every call, so a node can swap in a newly verified roster
 * version (e.g. an {@code AtomicReference::get}); it must only ever supply rosters that passed
 * {@link RosterAuthority#verify}.
 */
public final class EnvelopeVerifier {
  /** A schema check of the payload: empty when fine, else a description of the problem. */
  @FunctionalInterface
  public interface PayloadCheck {
    Optional<String> problem(com.fasterxml.jackson.databind.JsonNode payload);
  }

  private final Supplier<Roster> roster;

  /**
   * Decoded public keys by their base64url text (decoding a point costs about a fifth of a
   * verification). Only roster keys get here, so the map stays as small as the roster.
   */
  private final Map<String, Ed25519PublicKeyParameters> publicKeys = new ConcurrentHashMap<>();

  public EnvelopeVerifier(Supplier<Roster> roster) {
    this.roster = Objects.requireNonNull(roster, "roster");
  }

  /** Parses and verifies untrusted bytes (one envelope as JSON); malformed input is MALFORMED. */
  public Verification verify(byte[] json) {
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.fromJson(json);
    } catch (RuntimeException e) {
      return new Invalid(Reason.MALFORMED, "not a well-formed envelope");
    }
    return verify(envelope);
  }

  public Verification verify(SignedEnvelope e) {
    return verify(e, payload -> Optional.empty());
  }

  /** Verifies, then applies the payload check to an otherwise valid envelope. */
  public Verification verify(SignedEnvelope e, PayloadCheck check) {
    if (e == null) {
      return new Invalid(Reason.MALFORMED, "no envelope");
    }
    try {
      Verification result = verifySignature(e);
      if (!result.isValid()) {
        return result;
      }
      Optional<String> problem = check.problem(e.payload());
      return problem.isPresent() ? new Invalid(Reason.BAD_PAYLOAD, problem.get()) : result;
    } catch (RuntimeException ex) {
      return new Invalid(
          Reason.MALFORMED, "envelope cannot be verified: " + ex.getClass().getSimpleName());
    }
  }

  private Verification verifySignature(SignedEnvelope e) {
    Roster current = roster.get();
    if (current == null) {
      return new Invalid(Reason.NO_ROSTER, "no trusted roster loaded");
    }
    Optional<Member> signer = current.member(e.signer());
    if (signer.isEmpty()) {
      return new Invalid(
          Reason.UNKNOWN_SIGNER,
          "bureau " + e.signer() + " is not in roster v" + current.version());
    }
    Optional<MemberKey> found = signer.get().key(e.keyId());
    if (found.isEmpty()) {
      return current.keyOwner(e.keyId()).isPresent()
          ? new Invalid(
              Reason.WRONG_KEY_OWNER, "key " + e.keyId() + " is not a key of " + e.signer())
          : new Invalid(
              Reason.UNKNOWN_KEY, "key " + e.keyId() + " is not in roster v" + current.version());
    }
    MemberKey key = found.get();
    if (key.use() != KeyUse.SIGNING) {
      return new Invalid(Reason.WRONG_KEY_USE, "key " + e.keyId() + " is not a signing key");
    }
    if (e.signedAt().isBefore(key.validFrom())) {
      return new Invalid(
          Reason.KEY_NOT_YET_VALID,
          "key " + e.keyId() + " is valid from " + key.validFrom() + ", signed " + e.signedAt());
    }
    if (key.revokedAt(e.signedAt())) {
      return new Invalid(
          Reason.KEY_REVOKED,
          "key " + e.keyId() + " revoked at " + key.revokedAt() + ", signed " + e.signedAt());
    }
    byte[] signature;
    try {
      signature = Base64Url.decode(e.signature());
    } catch (IllegalArgumentException ex) {
      return new Invalid(Reason.BAD_SIGNATURE, "signature is not canonical base64url");
    }
    byte[] input;
    try {
      input = e.signingInput();
    } catch (IllegalArgumentException ex) {
      return new Invalid(Reason.MALFORMED, "payload cannot be canonicalized: " + ex.getMessage());
    }
    Ed25519PublicKeyParameters publicKey;
    try {
      publicKey =
          publicKeys.computeIfAbsent(
              key.publicKey(), k -> new Ed25519PublicKeyParameters(key.publicKeyBytes(), 0));
    } catch (RuntimeException ex) {
      return new Invalid(Reason.BAD_SIGNATURE, "roster key " + e.keyId() + " is not a valid point");
    }
    if (!Ed25519.verify(publicKey, input, signature)) {
      return new Invalid(Reason.BAD_SIGNATURE, "signature does not verify");
    }
    return new Verification.Valid(e);
  }
}
