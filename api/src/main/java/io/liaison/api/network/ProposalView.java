package io.liaison.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A merge proposal with the signed decisions stored for it and where it stands ({@code GET
 * /api/v1/networks/proposals/{id}}). {@code current} is false, and {@code proposal} null, when the
 * node's engine no longer holds the proposal (a member joined or left) but bureaus decided on it.
 * Each decision carries its signed envelope as stored and shared, for auditors to verify.
 */
public record ProposalView(
    String id,
    boolean current,
    MergeProposal proposal,
    List<BureauId> bureaus,
    Status status,
    List<Decision> decisions) {
  public ProposalView {
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /** The states of a proposal: all accepted, one declined, or still open. */
  public enum State {
    OPEN,
    ACCEPTED,
    DECLINED
  }

  /**
   * Where a proposal stands, from the signed decisions alone: which bureaus accepted, declined and
   * have yet to decide; once accepted, the lead (主办) bureau and the co-handling (协办) ones.
   */
  public record Status(
      State state,
      List<BureauId> accepted,
      List<BureauId> declined,
      List<BureauId> awaiting,
      BureauId leadBureau,
      List<BureauId> coHandling) {
    public Status {
      accepted = accepted == null ? List.of() : List.copyOf(accepted);
      declined = declined == null ? List.of() : List.copyOf(declined);
      awaiting = awaiting == null ? List.of() : List.copyOf(awaiting);
      coHandling = coHandling == null ? List.of() : List.copyOf(coHandling);
    }
  }

  /**
   * One bureau's signed decision: by whom, naming which lead bureau (or none), signed when, and the
   * signed envelope itself (signer = {@code bureau}).
   */
  public record Decision(
      BureauId bureau,
      Verdict decision,
      String officer,
      BureauId leadBureau,
      Instant signedAt,
      JsonNode envelope) {}
}
