package io.liaison.client.network;

import io.liaison.api.cases.EntityType;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import java.util.List;

/**
 * One network with its graph and its current merge proposal (null when it has none), as {@code GET
 * /api/v1/networks/{id}} answers.
 */
public record NetworkDetail(Network network, Graph graph, MergeProposal proposal) {

  /** The network as a graph: members as nodes, links with their evidence as edges. */
  public record Graph(String networkId, List<Network.Member> nodes, List<Link> edges) {
    public Graph {
      nodes = nodes == null ? List.of() : List.copyOf(nodes);
      edges = edges == null ? List.of() : List.copyOf(edges);
    }
  }

  /**
   * Two records ({@code a} sorts first) and why they belong together: a calibrated probability that
   * they belong to one network (0..1) and every piece of evidence, strongest first.
   */
  public record Link(String a, String b, double score, List<Evidence> evidence) {
    public Link {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }

  /**
   * One reason two records are linked: how they match ({@code kind}, e.g. {@code NORMALISED_EQUAL},
   * {@code SAME_NAME}, {@code NEAR_DUPLICATE_TEXT}), the entity type (null for text), the value as
   * written in each record and normalised, how many records hold it, how common it is ({@code
   * SPECIFIC}, {@code COMMON}, {@code OVER_COMMON}) and what it added to the link's log-odds (0:
   * shown, not counted). Kinds and bands are kept as the node wrote them, so that a newer node's
   * are shown rather than lost.
   */
  public record Evidence(
      String kind,
      EntityType type,
      String left,
      String right,
      String value,
      int records,
      String frequency,
      double weight) {
    /** Whether the evidence added to the link's score. */
    public boolean counted() {
      return weight > 0;
    }
  }
}
