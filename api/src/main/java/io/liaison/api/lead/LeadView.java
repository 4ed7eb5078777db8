package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A lead as a node serves it: the verified content, its current status, its signed history, and the
 * proof of the post. {@code lead} is null when the content is sealed and this node's bureau is not
 * a recipient; {@code sealed} says so.
 */
public record LeadView(
    String id,
    BureauId originBureau,
    Instant postedAt,
    Lead lead,
    boolean sealed,
    LeadStatus status,
    List<TransitionView> history,
    Proof proof) {
  public LeadView {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Who signed, with which key, and the envelope's hash (what an auditor checks). */
  public record Proof(
      BureauId signer, String keyId, Instant signedAt, String hash, boolean verified) {}
}
