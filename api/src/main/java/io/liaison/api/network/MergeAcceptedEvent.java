package io.liaison.api.network;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The data of event {@code merge.accepted}: every involved bureau accepted; the lead (主办) bureau
 * and the co-handling (协办) ones.
 */
public record MergeAcceptedEvent(
    String proposalId, BureauId leadBureau, List<BureauId> coHandling) {
  public MergeAcceptedEvent {
    coHandling = coHandling == null ? List.of() : List.copyOf(coHandling);
  }
}
