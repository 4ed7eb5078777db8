package io.liaison.api.price;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A check as this node may show it. The checked bureau's node shows a check only once it is
 * recorded; before that the check does not exist for it.
 *
 * @param state PLANNED until the first findings are recorded, then RECORDED
 * @param plan the plan (opened on the checking side; clear once recorded)
 * @param visits the recorded visits, in order of recording
 * @param evaluations every observed item judged
 * @param proof who signed the latest version
 */
public record CheckView(
    String id,
    BureauId checkingBureau,
    BureauId checkedBureau,
    State state,
    CheckPlan plan,
    List<RetailerVisit> visits,
    List<Evaluation> evaluations,
    Instant recordedAt,
    Proof proof) {
  public enum State {
    PLANNED,
    RECORDED
  }

  /** The signature behind the record. */
  public record Proof(BureauId signer, String keyId, Instant signedAt, String hash, int versions) {}
}
