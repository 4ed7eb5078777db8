package io.liaison.search.link;

import io.liaison.api.network.MergeProposal;
import java.util.List;
import java.util.Objects;

/**
 * What one write changed, for the node to publish: the record's links now, the ids of the networks
 * that appeared or changed (also through other records whose links were re-scored because a value
 * became more or less common), the ones that disappeared (merged into another or fallen apart),
 * merge proposals raised and withdrawn, and hits on restricted records.
 *
 * <p>Changed networks come as ids, not summaries: a summary costs the size of the network, and a
 * write that joins a large network must not pay for it unless someone asks ({@link
 * LinkEngine#network(String)}).
 *
 * @param applied false when the write was older than what the engine holds (nothing changed)
 */
public record LinkUpdate(
    String recordId,
    boolean applied,
    List<Link> links,
    List<String> networks,
    List<String> dissolvedNetworks,
    List<MergeProposal> raisedProposals,
    List<String> withdrawnProposals,
    List<SealedHit> hits) {
  public LinkUpdate {
    Objects.requireNonNull(recordId, "recordId");
    links = List.copyOf(links);
    networks = List.copyOf(networks);
    dissolvedNetworks = List.copyOf(dissolvedNetworks);
    raisedProposals = List.copyOf(raisedProposals);
    withdrawnProposals = List.copyOf(withdrawnProposals);
    hits = List.copyOf(hits);
  }

  /** A write that was not applied. */
  public static LinkUpdate ignored(String recordId) {
    return new LinkUpdate(
        recordId, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
