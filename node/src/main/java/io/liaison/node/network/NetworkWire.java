package io.liaison.node.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.network.ProposalView;
import java.nio.charset.StandardCharsets;

/**
 * A proposal's status and the stored decisions as the wire types of {@code api.network}. (The link
 * engine builds {@code api.network.Network} and {@code MergeProposal} itself: one type each.)
 */
final class NetworkWire {
  private NetworkWire() {}

  static ProposalView.Status status(MergeStatus s) {
    return new ProposalView.Status(
        ProposalView.State.valueOf(s.state().name()),
        s.accepted(),
        s.declined(),
        s.awaiting(),
        s.leadBureau(),
        s.coHandling());
  }

  static ProposalView.Decision decision(MergeService.Signed s) {
    MergeDecision d = s.decision();
    return new ProposalView.Decision(
        d.bureau(),
        d.decision(),
        d.officer(),
        d.leadBureau(),
        s.envelope().signedAt(),
        envelopeTree(s));
  }

  private static JsonNode envelopeTree(MergeService.Signed s) {
    try {
      return Json.mapper().readTree(new String(s.envelope().toJson(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
