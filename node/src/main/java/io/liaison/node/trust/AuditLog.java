package io.liaison.node.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.store.ChainEntry;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreException;
import java.time.Instant;

/**
 * This bureau's hash-chained audit log: every state change the bureau signs gets the next {@code
 * seq} and points at the previous entry's hash. Call only on the store thread, inside the
 * transaction that also stores the change, so the chain and the records never disagree.
 */
public final class AuditLog {
  private final TrustService trust;

  public AuditLog(TrustService trust) {
    this.trust = trust;
  }

  /** Adds {@code seq} to {@code payload}, signs it chained to the head, appends it. */
  public SignedEnvelope signAndAppend(Store store, ObjectNode payload, Instant at) {
    ChainEntry head = store.chainHead().orElse(null);
    long seq = head == null ? 1 : head.seq() + 1;
    String prev = head == null ? Hashes.GENESIS : head.hash();
    payload.put("seq", seq);
    SignedEnvelope env = trust.sign(payload, prev, at);
    try {
      store.appendChain(new ChainEntry(seq, env.hash(), Json.mapper().writeValueAsString(env)));
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise envelope", e);
    }
    return env;
  }
}
