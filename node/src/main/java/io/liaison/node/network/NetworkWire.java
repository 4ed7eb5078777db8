package io.liaison.node.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import io.liaison.api.network.ProposalView;
import io.liaison.api.network.Verdict;
import io.liaison.search.link.KeyEntity;
import io.liaison.search.link.NetworkMember;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The link engine's networks and proposals, and the stored decisions, as the wire types of {@code
 * api.network}: field for field the same JSON the engine's own records serialise to (kinds as their
 * names), so that the node and the Java client share one definition of each answer.
 */
final class NetworkWire {
  private NetworkWire() {}

  static Network network(io.liaison.search.link.Network n) {
    return new Network(
        n.id(),
        members(n.members()),
        n.bureaus(),
        entities(n.keyEntities()),
        n.first(),
        n.last(),
        n.sticks(),
        n.valueFen(),
        n.links());
  }

  static MergeProposal proposal(io.liaison.search.link.MergeProposal p) {
    return new MergeProposal(
        p.id(),
        p.networkId(),
        members(p.members()),
        p.bureaus(),
        p.suggestedLead(),
        p.score(),
        entities(p.evidence()),
        p.first(),
        p.last(),
        p.sticks(),
        p.valueFen());
  }

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
        Verdict.valueOf(d.decision().name()),
        d.officer(),
        d.leadBureau(),
        s.envelope().signedAt(),
        envelopeTree(s));
  }

  private static List<Network.Member> members(List<NetworkMember> members) {
    return members.stream()
        .map(
            m ->
                new Network.Member(
                    m.id(),
                    m.kind().name(),
                    m.bureau(),
                    m.date(),
                    m.category(),
                    m.title(),
                    m.sticks(),
                    m.valueFen()))
        .toList();
  }

  private static List<Network.KeyEntity> entities(List<KeyEntity> entities) {
    return entities.stream()
        .map(e -> new Network.KeyEntity(e.type(), e.value(), e.members()))
        .toList();
  }

  private static JsonNode envelopeTree(MergeService.Signed s) {
    try {
      return Json.mapper().readTree(new String(s.envelope().toJson(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
