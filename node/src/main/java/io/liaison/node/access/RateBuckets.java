package io.liaison.node.access;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limit buckets by key (an address or an officer), at most {@code capacity} of them: when one
 * more key comes, the bucket used longest ago is evicted (least recently used), so a flood of new
 * addresses costs bounded memory and resets only the limits of keys that have been quiet the
 * longest, never every limit at once. Each bucket holds {@code perMinute} requests and refills
 * greedily over a minute. Thread-safe (one lock; a lookup is a hash-map access).
 */
final class RateBuckets {
  private final long perMinute;
  private final Map<String, Bucket> buckets;

  RateBuckets(int capacity, long perMinute) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.perMinute = perMinute;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The bucket of {@code key}, made full if the key is new (or was evicted). */
  synchronized Bucket of(String key) {
    return buckets.computeIfAbsent(
        key,
        k ->
            Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
  }

  synchronized int size() {
    return buckets.size();
  }

  synchronized boolean holds(String key) {
    return buckets.containsKey(key);
  }
}
