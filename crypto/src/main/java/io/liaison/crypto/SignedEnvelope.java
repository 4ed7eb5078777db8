package io.liaison.crypto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.internal.MillisInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed record: {@code {payload, signer, keyId, signedAt, prevHash, signature}}.
 *
 * <ul>
 *   <li>{@code payload}: a JSON object (the record or state change), see {@link CanonicalJson} for
 *       what it may contain;
 *   <li>{@code signer}: the bureau whose key signed; {@code keyId}: which of its roster keys;
 *   <li>{@code signedAt}: UTC, millisecond precision, written {@code 2025-03-01T08:00:00.000Z};
 *   <li>{@code prevHash}: {@link #hash()} of the signer's previous chained envelope, or {@link
 *       Hashes#GENESIS};
 *   <li>{@code signature}: base64url (no padding) Ed25519 signature over {@link #signingInput()}.
 * </ul>
 *
 * <p>Structurally checked at construction (so Jackson refuses malformed JSON); cryptographically
 * checked only by {@link EnvelopeVerifier}. Parse untrusted bytes with {@link
 * EnvelopeVerifier#verify(byte[])} or {@link #fromJson(byte[])}.
 *
 * <p>The payload is deep-copied in; do not mutate the node returned by {@link #payload()} (the
 * envelope is immutable and remembers its {@link #hash()}). A final class rather than a record only
 * so that it can remember the hash.
 */
@JsonPropertyOrder({"payload", "signer", "keyId", "signedAt", "prevHash", "signature"})
public final class SignedEnvelope {
  private final JsonNode payload;
  private final BureauId signer;
  private final String keyId;
  private final Instant signedAt;
  private final String prevHash;
  private final String signature;

  /**
   * {@link #hash()}, computed on first use: a shared case needs it four to seven times (the chain
   * check, the audit entry, the answer) and each time was canonical JSON of the whole envelope and
   * SHA-256. A benign race: two threads may both compute the same value.
   */
  private String hash;

  @JsonCreator
  public SignedEnvelope(
      @JsonProperty("payload") JsonNode payload,
      @JsonProperty("signer") BureauId signer,
      @JsonProperty("keyId") String keyId,
      @JsonProperty("signedAt") @JsonDeserialize(using = MillisInstant.Deserializer.class)
          Instant signedAt,
      @JsonProperty("prevHash") String prevHash,
      @JsonProperty("signature") String signature) {
    Objects.requireNonNull(payload, "payload");
    if (!payload.isObject()) {
      throw new IllegalArgumentException("payload must be a JSON object");
    }
    this.payload = payload.deepCopy();
    this.signer = Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
    this.keyId = keyId;
    Objects.requireNonNull(signedAt, "signedAt");
    if (signedAt.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("signedAt must have millisecond precision");
    }
    this.signedAt = signedAt;
    if (!Hashes.isSha256Hex(prevHash)) {
      throw new IllegalArgumentException("prevHash must be 64 lower-case hex digits");
    }
    this.prevHash = prevHash;
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /** The record or state change (do not mutate). */
  @JsonProperty("payload")
  public JsonNode payload() {
    return payload;
  }

  @JsonProperty("signer")
  public BureauId signer() {
    return signer;
  }

  @JsonProperty("keyId")
  public String keyId() {
    return keyId;
  }

  @JsonProperty("signedAt")
  @JsonSerialize(using = MillisInstant.Serializer.class)
  public Instant signedAt() {
    return signedAt;
  }

  @JsonProperty("prevHash")
  public String prevHash() {
    return prevHash;
  }

  @JsonProperty("signature")
  public String signature() {
    return signature;
  }

  /** The bytes that are signed: canonical JSON of everything but the signature. */
  public byte[] signingInput() {
    return signingInput(payload, signer, keyId, signedAt, prevHash);
  }

  static byte[] signingInput(
      JsonNode payload, BureauId signer, String keyId, Instant signedAt, String prevHash) {
    return CanonicalJson.canonicalize(unsigned(payload, signer, keyId, signedAt, prevHash));
  }

  /**
   * SHA-256 (hex) of the canonical JSON of the whole envelope including the signature; the next
   * chained envelope's {@code prevHash}. Equal to the hash of the canonicalized {@link #toJson()}.
   */
  public String hash() {
    String h = hash;
    if (h == null) {
      ObjectNode whole = unsigned(payload, signer, keyId, signedAt, prevHash);
      whole.put("signature", signature);
      h = Hashes.sha256Hex(CanonicalJson.canonicalize(whole));
      hash = h;
    }
    return h;
  }

  /** The envelope as one line of JSON (UTF-8), the form of a JSON Lines export. */
  public byte[] toJson() {
    try {
      return Json.mapper().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("envelope cannot be serialised", e);
    }
  }

  /**
   * Parses an envelope (duplicate member names refused); checks structure, not signature.
   *
   * @throws IllegalArgumentException if it is not a well-formed envelope
   */
  public static SignedEnvelope fromJson(byte[] json) {
    try {
      return Json.mapper().treeToValue(CanonicalJson.parse(json), SignedEnvelope.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a well-formed envelope: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode unsigned(
      JsonNode payload, BureauId signer, String keyId, Instant signedAt, String prevHash) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.set("payload", payload);
    node.put("signer", signer.code());
    node.put("keyId", keyId);
    node.put("signedAt", MillisInstant.format(signedAt));
    node.put("prevHash", prevHash);
    return node;
  }

  /** Equal when every part is equal (as the record this was). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof SignedEnvelope e
            && payload.equals(e.payload)
            && signer.equals(e.signer)
            && keyId.equals(e.keyId)
            && signedAt.equals(e.signedAt)
            && prevHash.equals(e.prevHash)
            && signature.equals(e.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payload, signer, keyId, signedAt, prevHash, signature);
  }

  @Override
  public String toString() {
    return "SignedEnvelope[payload="
        + payload
        + ", signer="
        + signer
        + ", keyId="
        + keyId
        + ", signedAt="
        + signedAt
        + ", prevHash="
        + prevHash
        + ", signature="
        + signature
        + "]";
  }
}
