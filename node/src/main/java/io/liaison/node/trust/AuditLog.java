package io.liaison.node.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * This bureau's hash-chained audit log: for every envelope the bureau signs and that takes effect
 * (a post, a transition), one signed {@code audit.entry} with the next {@code seq}, the record it
 * belongs to and the envelope's hash, chained to the previous entry by {@code prevHash}. Call only
 * on the store thread, inside the transaction that stores the change, so the chain and the records
 * never disagree. Any node can verify the chain with {@code io.liaison.crypto.AuditChain}.
 */
public final class AuditLog {
  public static final String ENTRY = "audit.entry";

  private final TrustService trust;

  public AuditLog(TrustService trust) {
    this.trust = trust;
  }

  /** Appends the entry for {@code recorded} (an envelope this bureau signed) and returns it. */
  public SignedEnvelope append(Store store, String recordKey, SignedEnvelope recorded, Instant at) {
    ChainEntry head = store.chainHead().orElse(null);
    long seq = head == null ? 1 : head.seq() + 1;
    String prev = head == null ? Hashes.GENESIS : head.hash();
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("type", ENTRY);
    payload.put("seq", seq);
    payload.put("record", recordKey);
    payload.put("event", recorded.payload().path("type").asText());
    payload.put("envelope", recorded.hash());
    SignedEnvelope entry = trust.sign(payload, prev, at);
    store.appendChain(
        new ChainEntry(
            seq,
            entry.hash(),
            new String(entry.toJson(), StandardCharsets.UTF_8),
            recorded.hash()));
    return entry;
  }
}
