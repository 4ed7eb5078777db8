package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The data of a {@code lead.conflict} event when two branches of a lead's history met: the rule
 * that chose, the transitions kept and those superseded from the first divergent one, and the
 * status after it.
 */
public record LeadConflict(
    String leadId,
    String rule,
    List<TransitionView> kept,
    List<TransitionView> superseded,
    LeadState state,
    BureauId owner) {
  /** The rule every node applies, so that all keep the same branch. */
  public static final String RULE =
      "earliest signed first divergent transition, then bureau code, then hash";

  public LeadConflict {
    kept = List.copyOf(kept);
    superseded = List.copyOf(superseded);
  }
}
