package io.liaison.search.link;

import java.util.List;
import java.util.Objects;

/**
 * What one write changed, for the node to publish: the record's links now, the networks that
 * appeared or changed (also through other records whose links were re-scored because a value became
 * more or less common), the ones that disappeared (merged into another or fallen apart), merge
 * proposals raised and withdrawn, and hits on restricted records.
 *
 * @param applied false when the write was older than what the engine holds (nothing changed)
 */
public record LinkUpdate(
    String recordId,
    boolean applied,
    List<Link> links,
    List<Network> networks,
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
