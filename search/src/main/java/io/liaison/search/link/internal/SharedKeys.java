package io.liaison.search.link.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The keys a relink has to look up: those held by two or more records, and every context key
 * ({@link Keys#CONTEXT}), read in one pass over the sorted term dictionary of the merged index and
 * kept as 64-bit hashes. Most keys of a pool (a party's phone, a text key) are held by one record
 * only; for those the relink's link pass knows without a seek that the record itself is the only
 * holder, and that no record writes them in an officer's or outlet's context. A hash that collides
 * only costs the seek it would have cost anyway.
 */
public final class SharedKeys {
  private static final BytesRef CONTEXT = new BytesRef(Keys.CONTEXT);

  private final long[] hashes;

  private SharedKeys(long[] hashes) {
    this.hashes = hashes;
  }

  /**
   * The shared keys of {@code leaves}, or null when they are not one segment without deletions
   * (then every key is looked up).
   */
  static SharedKeys of(List<LeafReaderContext> leaves, String field) throws IOException {
    if (leaves.size() != 1 || leaves.get(0).reader().getLiveDocs() != null) {
      return null;
    }
    Terms terms = leaves.get(0).reader().terms(field);
    long[] out = new long[1024];
    int n = 0;
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        if (te.docFreq() > 1 || StringHelper.startsWith(t, CONTEXT)) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = hash(t);
        }
      }
    }
    long[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return new SharedKeys(sorted);
  }

  /** Whether more than one record may hold {@code key} (false: at most one does). */
  public boolean mayBeShared(String key) {
    return Arrays.binarySearch(hashes, hash(new BytesRef(key))) >= 0;
  }

  /** How many keys were kept. */
  public int size() {
    return hashes.length;
  }

  private static long hash(BytesRef t) {
    return ((long) StringHelper.murmurhash3_x86_32(t.bytes, t.offset, t.length, 0x9747b28c) << 32)
        | (StringHelper.murmurhash3_x86_32(t.bytes, t.offset, t.length, 0x5bd1e995) & 0xffffffffL);
  }
}
