package io.liaison.node.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content hashes of the records this node most recently committed to its store (or put back on
 * the grid from it), by record id, bounded (least recently used out). A grid event whose value has
 * the hash the store holds is the node's own echo or a copy it already has: it need not be verified
 * and stored again. A miss only means "not known here": the caller then does the full work, so the
 * bound costs speed, never correctness.
 *
 * <p>Thread-safe: filled on the store thread after a commit, read on the grid's event threads.
 */
public final class KnownRecords {
  /** Default bound: the recent working set of a busy node (~150 bytes per entry). */
  public static final int DEFAULT_CAPACITY = 65_536;

  private final Map<String, String> hashes;

  public KnownRecords(int capacity) {
    this.hashes =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Notes that the store holds the record {@code id} with content hash {@code hash}. */
  public synchronized void remember(String id, String hash) {
    hashes.put(id, hash);
  }

  /** Whether the store is known to hold record {@code id} with exactly this content hash. */
  public synchronized boolean holds(String id, String hash) {
    return hash.equals(hashes.get(id));
  }

  synchronized int size() {
    return hashes.size();
  }
}
