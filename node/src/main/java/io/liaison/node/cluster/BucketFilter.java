package io.liaison.node.cluster;

import com.hazelcast.query.Predicate;
import io.liaison.node.store.RecordBuckets;
import java.util.BitSet;
import java.util.Map;

/**
 * The entries whose key falls in one of the given buckets ({@link RecordBuckets}): evaluated on the
 * key alone where the entries live, so the values of the other buckets are neither read nor hashed.
 */
final class BucketFilter implements Predicate<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final BitSet buckets;

  BucketFilter(BitSet buckets) {
    this.buckets = (BitSet) buckets.clone();
  }

  @Override
  public boolean apply(Map.Entry<Object, Object> e) {
    return e.getKey() instanceof String k && buckets.get(RecordBuckets.of(k));
  }
}
