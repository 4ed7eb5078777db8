package io.liaison.node.cluster;

import com.hazelcast.aggregation.Aggregator;
import io.liaison.crypto.Hashes;
import io.liaison.node.store.RecordBuckets;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs where a shared map's entries live and sums, per bucket ({@link RecordBuckets}), the
 * contributions of the entries' keys and the SHA-256 of their values: what the store keeps for the
 * same records, so that a reconciliation moves 4,096 sums across the cluster instead of a hash per
 * entry. Computed from the entries themselves (not kept beside them): a value an outsider put, of
 * any type, is in the sum like any other and makes its bucket differ.
 */
final class BucketDigests implements Aggregator<Map.Entry<Object, Object>, long[]> {
  private static final long serialVersionUID = 1L;

  private long[] sums = new long[RecordBuckets.COUNT];

  @Override
  public void accumulate(Map.Entry<Object, Object> e) {
    if (!(e.getKey() instanceof String k)) {
      return; // a key that is not a string: nothing of ours, left out as the listing leaves it
    }
    sums[RecordBuckets.of(k)] += RecordBuckets.contribution(k, hash(e.getValue()));
  }

  /** The content hash the store keeps for a value ({@link HashProjection#FOREIGN} if no string). */
  static String hash(Object value) {
    return value instanceof String v
        ? Hashes.sha256Hex(v.getBytes(StandardCharsets.UTF_8))
        : HashProjection.FOREIGN;
  }

  @Override
  public void combine(Aggregator other) {
    long[] o = ((BucketDigests) other).sums;
    for (int i = 0; i < sums.length; i++) {
      sums[i] += o[i];
    }
  }

  @Override
  public long[] aggregate() {
    return sums;
  }
}
