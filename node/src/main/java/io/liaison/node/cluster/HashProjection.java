package io.liaison.node.cluster;

import com.hazelcast.projection.Projection;
import io.liaison.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs on the members that own the entries of a shared map and returns, for each entry, {@code
 * <key> <sha256 of the value>}: what anti-entropy compares with the store's hashes, without moving
 * the values themselves across the cluster. Only the entries that differ are then fetched.
 */
final class HashProjection implements Projection<Map.Entry<String, String>, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String transform(Map.Entry<String, String> e) {
    return e.getKey() + " " + Hashes.sha256Hex(e.getValue().getBytes(StandardCharsets.UTF_8));
  }

  /** The key and the hash of one {@link #transform} result. */
  static String[] split(String keyAndHash) {
    int i = keyAndHash.lastIndexOf(' ');
    return new String[] {keyAndHash.substring(0, i), keyAndHash.substring(i + 1)};
  }
}
