package io.liaison.node.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The buckets of anti-entropy: every shared record falls, by its id alone, into one of {@link
 * #COUNT} buckets, and a bucket's digest is the sum (mod 2<sup>64</sup>) of its records'
 * contributions, each the first 8 bytes of SHA-256 over the record's id and content hash. The store
 * keeps these sums up to date with every write ({@link DigestTable}); the grid computes them where
 * its entries live ({@code BucketDigests}); a reconciliation compares the two arrays and lists ids
 * and hashes only in the buckets that differ.
 *
 * <p>Why a fixed function of the id and not Hazelcast's partitions: the store then needs neither
 * Hazelcast's serializer nor its partition count (a setting that may change between versions or
 * configurations, and with it every partition of every key), so a digest table written once stays
 * right across restarts, partition migrations and configuration changes. The cost: listing one
 * bucket on the grid is a filter on the keys of every partition rather than a query of one
 * partition (keys only, no value is read or hashed outside the listed buckets).
 *
 * <p>Why a sum: it is order-independent and has an inverse, so a new version of a record takes its
 * old contribution out and puts the new one in, whatever order the writes came in. It is a check
 * against accidents and lost writes, not against an adversary: someone on the cluster link who
 * crafted values whose sums match could hide a difference from one reconciliation, which is no more
 * than deleting grid entries (which anyone on the link can do); every value a node takes in is
 * verified by signature whatever the digests say, and every member's listener sees every write.
 */
public final class RecordBuckets {
  /** Buckets per kind: at 1M records ~244 records each, 32 KiB of digests per side. */
  public static final int COUNT = 4096;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private RecordBuckets() {}

  /**
   * The digests of one kind's records: the sum of each bucket ({@code buckets}, indexed by bucket,
   * 0 where empty) and how many records there are in all.
   */
  public record Digests(long[] buckets, long records) {
    public Digests {
      if (buckets.length != COUNT) {
        throw new IllegalArgumentException(COUNT + " buckets, not " + buckets.length);
      }
    }
  }

  /** The bucket of record {@code id}: the first 12 bits of SHA-256 of the id. */
  public static int of(String id) {
    byte[] h = sha256(id);
    return ((h[0] & 0xff) << 4 | (h[1] & 0xff) >>> 4) & (COUNT - 1);
  }

  /** What a record with content hash {@code hash} adds to its bucket's digest. */
  public static long contribution(String id, String hash) {
    byte[] h = sha256(id + '\n' + hash);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (h[i] & 0xff);
    }
    return v;
  }

  private static byte[] sha256(String s) {
    MessageDigest md = SHA256.get();
    md.reset();
    return md.digest(s.getBytes(StandardCharsets.UTF_8));
  }
}
