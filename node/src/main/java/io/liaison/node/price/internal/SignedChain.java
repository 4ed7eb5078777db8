package io.liaison.node.price.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.Verification;
import io.liaison.node.store.StoredRecord;
import io.liaison.node.trust.TrustService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A price record as it travels on the grid ({@code liaison.price}) and sits in the store: the JSON
 * array of its signed envelopes, one per version, the first naming {@link Hashes#GENESIS} and each
 * later one the hash of the one before, all signed by the bureau that owns the key ({@link
 * PriceKeys#owner}). What the payloads mean is {@link PriceRecords}' business; this class checks
 * structure, chain, owner and signatures only.
 *
 * <p>Invariants: at least one envelope; envelope i+1 names the hash of envelope i; every signer is
 * the key's owner. Cost: parsing is linear in the text; verifying is one signature check per
 * envelope.
 */
public record SignedChain(String key, List<SignedEnvelope> envelopes, String json) {
  private static final TypeReference<List<SignedEnvelope>> LIST = new TypeReference<>() {};

  public SignedChain {
    envelopes = List.copyOf(envelopes);
    if (envelopes.isEmpty()) {
      throw new Rejected("MALFORMED", "no envelopes");
    }
  }

  public SignedEnvelope last() {
    return envelopes.get(envelopes.size() - 1);
  }

  public String hash() {
    return Hashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A chain of one envelope. */
  public static SignedChain of(String key, SignedEnvelope first) {
    return new SignedChain(key, List.of(first), serialise(List.of(first)));
  }

  /** This chain with one more envelope (signed against {@link #last()}). */
  public SignedChain append(SignedEnvelope next) {
    List<SignedEnvelope> more = new ArrayList<>(envelopes);
    more.add(next);
    return new SignedChain(key, more, serialise(more));
  }

  /** Whether {@code other} continues this chain. */
  public boolean isPrefixOf(SignedChain other) {
    if (other.envelopes.size() < envelopes.size()) {
      return false;
    }
    for (int i = 0; i < envelopes.size(); i++) {
      if (!envelopes.get(i).signature().equals(other.envelopes.get(i).signature())) {
        return false;
      }
    }
    return true;
  }

  /** The store row: kind {@link PriceKeys#KIND}, origin the owner. */
  public StoredRecord stored() {
    return new StoredRecord(
        key,
        PriceKeys.KIND,
        PriceKeys.owner(key).code(),
        envelopes.get(0).signedAt(),
        hash(),
        json,
        null);
  }

  /** Parses without checking signatures (for the store's own verified copies). */
  public static SignedChain parse(String key, String json) {
    BureauId owner;
    try {
      owner = PriceKeys.owner(key);
    } catch (IllegalArgumentException e) {
      throw new Rejected("MISMATCH", "not a price key: " + key);
    }
    List<SignedEnvelope> envs;
    try {
      envs = Json.mapper().readValue(json, LIST);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new Rejected("MALFORMED", "not a list of signed envelopes");
    }
    if (envs == null || envs.isEmpty()) {
      throw new Rejected("MALFORMED", "no envelopes");
    }
    for (int i = 0; i < envs.size(); i++) {
      SignedEnvelope env = envs.get(i);
      String prev = i == 0 ? Hashes.GENESIS : envs.get(i - 1).hash();
      if (!env.prevHash().equals(prev)) {
        throw new Rejected("CHAIN", "version " + (i + 1) + " does not follow the one before");
      }
      if (!env.signer().equals(owner)) {
        throw new Rejected("MISMATCH", key + " signed by " + env.signer());
      }
    }
    return new SignedChain(key, envs, json);
  }

  /** Parses and verifies every signature against the roster; throws {@link Rejected}. */
  public static SignedChain verify(String key, String json, TrustService trust) {
    SignedChain c = parse(key, json);
    for (int i = 0; i < c.envelopes.size(); i++) {
      if (trust.verify(c.envelopes.get(i)) instanceof Verification.Invalid inv) {
        throw new Rejected(inv.reason().name(), "envelope " + i + ": " + inv.detail());
      }
    }
    return c;
  }

  private static String serialise(List<SignedEnvelope> envs) {
    try {
      return Json.mapper().writeValueAsString(envs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a price record", e);
    }
  }

  /** A value that cannot be accepted, with a stable reason code. */
  public static final class Rejected extends RuntimeException {
    private final String reason;

    public Rejected(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
