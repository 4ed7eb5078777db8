package io.liaison.node.cluster;

import com.hazelcast.projection.Projection;
import java.util.Map;

/**
 * Runs on the members that own the entries of a shared map and returns, for each entry, {@code
 * <key> <sha256 of the value>}: what anti-entropy compares with the store's hashes, without moving
 * the values themselves across the cluster. Only the entries that differ are then fetched.
 */
final class HashProjection implements Projection<Map.Entry<Object, Object>, String> {
  private static final long serialVersionUID = 1L;

  /** The "hash" of a value that is not a string (an outsider's Integer, say): never a match. */
  static final String FOREIGN = "foreign";

  /**
   * Any key or value type: whoever reaches the cluster link can put other types into our maps, and
   * one such entry must not fail the projection of the whole map (start-up waits for it). Keys that
   * are not strings are left out (null results are dropped).
   */
  @Override
  public String transform(Map.Entry<Object, Object> e) {
    if (!(e.getKey() instanceof String k)) {
      return null;
    }
    return k + " " + BucketDigests.hash(e.getValue());
  }

  /** The key and the hash of one {@link #transform} result. */
  static String[] split(String keyAndHash) {
    int i = keyAndHash.lastIndexOf(' ');
    return new String[] {keyAndHash.substring(0, i), keyAndHash.substring(i + 1)};
  }
}
