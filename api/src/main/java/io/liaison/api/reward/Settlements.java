package io.liaison.api.reward;

import java.util.List;

/** {@code GET /api/v1/rewards/settlements}: the signed entries this node holds, by payer. */
public record Settlements(List<Settlement> items) {
  public Settlements {
    items = List.copyOf(items);
  }
}
