package io.liaison.api.search;

import java.util.Objects;

/**
 * Where a node's search index is ({@code GET /api/v1/search/status}): its state, how many documents
 * it holds, the store change it has indexed up to and the store's last change (equal when the index
 * is current), and how many documents the running or last rebuild indexed.
 */
public record SearchStatus(
    State state, long documents, long indexedSeq, long storeSeq, long rebuilt) {
  public SearchStatus {
    Objects.requireNonNull(state, "state");
  }

  /** Where the indexer is. */
  public enum State {
    STARTING,
    REBUILDING,
    CURRENT,
    STOPPED
  }
}
