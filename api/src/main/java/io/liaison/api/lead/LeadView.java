package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;

/**
 * A lead as a node serves it: the verified content plus the proof. {@code lead} is null when the
 * content is sealed and this node's bureau is not a recipient; {@code sealed} says so.
 */
public record LeadView(
    String id, BureauId originBureau, Instant postedAt, Lead lead, boolean sealed, Proof proof) {

  /** Who signed, with which key, and the envelope's hash (what an auditor checks). */
  public record Proof(
      BureauId signer, String keyId, Instant signedAt, String hash, boolean verified) {}
}
