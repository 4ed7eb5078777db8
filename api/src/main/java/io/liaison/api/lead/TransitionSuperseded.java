package io.liaison.api.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import java.util.List;

/**
 * The data of a {@code lead.conflict} event when another node told this one that a transition it
 * signed was superseded: the transition as it was signed ({@code superseded}, its payload's {@code
 * transition} part, raw so that it reads as signed), its signer and the lead's status here.
 */
public record TransitionSuperseded(
    String leadId,
    List<JsonNode> superseded,
    BureauId supersededBureau,
    LeadState state,
    BureauId owner) {
  public TransitionSuperseded {
    superseded = List.copyOf(superseded);
  }
}
