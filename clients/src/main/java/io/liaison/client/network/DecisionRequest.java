package io.liaison.client.network;

import io.liaison.api.BureauId;
import io.liaison.api.network.Verdict;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/networks/proposals/{id}/decision}: the verdict, the signed-in
 * officer, and the lead (主办) bureau this bureau names (null: on accept, the proposal's suggested
 * one; on decline, none).
 */
public record DecisionRequest(Verdict decision, String officer, BureauId leadBureau) {
  public DecisionRequest {
    Objects.requireNonNull(decision, "decision");
    if (officer == null || officer.isBlank()) {
      throw new IllegalArgumentException("officer is required");
    }
    officer = officer.strip();
  }
}
