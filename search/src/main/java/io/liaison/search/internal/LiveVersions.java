package io.liaison.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks of documents written since the last refresh, which the searcher cannot see yet (the idea of
 * Elasticsearch's live version map). Writers put after writing; a refresh moves the current map to
 * {@code old} before reopening and drops {@code old} after, so every written rank is always visible
 * in a map or in the searcher. Readers must look in {@link #get} first, then the searcher.
 */
public final class LiveVersions {
  private volatile Map<String, Long> current = new ConcurrentHashMap<>();
  private volatile Map<String, Long> old = Map.of();

  /** The rank written since the last refresh, or null. */
  public Long get(String id) {
    Long rank = current.get(id);
    return rank != null ? rank : old.get(id);
  }

  /** Records a rank after its document was handed to the writer. */
  public void put(String id, long rank) {
    current.put(id, rank);
  }

  /** Call before reopening the searcher. */
  public void beforeRefresh() {
    old = current;
    current = new ConcurrentHashMap<>();
  }

  /** Call after the searcher was reopened; {@code ok} false puts the entries back. */
  public void afterRefresh(boolean ok) {
    if (!ok) {
      Map<String, Long> back = old;
      back.forEach(current::putIfAbsent);
    }
    old = Map.of();
  }

  /** Forgets everything (after a rebuild, which refreshes while writers are held off). */
  public void clear() {
    current = new ConcurrentHashMap<>();
    old = Map.of();
  }
}
