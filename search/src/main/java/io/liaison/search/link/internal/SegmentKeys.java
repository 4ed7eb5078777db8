package io.liaison.search.link.internal;

import io.liaison.search.ident.IdentifierType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The keys and ids a small segment of the link index holds, as 64-bit hashes, and the prefixes its
 * one-off scans could start from: what lets a write skip the seeks that would find nothing there.
 *
 * <p>Between two merges the link index is one large segment plus one small segment per refresh (a
 * thousand writes each, up to ten before they are merged), and a new record's keys are mostly held
 * by no other record: each of them was sought in every segment, and most seeks were in small
 * segments that do not have it. A segment's terms never change, so each small segment is read once
 * (kept by its core, for as long as the segment lives) and a term whose hash it does not hold is
 * not sought there. A hash that collides only costs the seek it would have cost anyway; the result
 * of a read is the same.
 *
 * <p>For a one-off scan ({@link OneOff}) the segment keeps the prefix each of its long identifiers
 * is found under — the first characters of the value for the forward scan, of the reversed value
 * for the backward scan, at the split of the value's type and length. One-off values have the same
 * length, hence the same split: a scan whose prefix no identifier of the segment has would visit no
 * one-off term there. Only values of ASCII characters are filtered so (bytes = characters); a
 * segment holding another long identifier is always scanned.
 */
final class SegmentKeys {
  /** Segments of more documents are sought as before (the large one is in every write's path). */
  static final int MAX_DOCS = 20_000;

  private static final Map<IndexReader.CacheKey, SegmentKeys> OF =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Hashes keys;
  private final Hashes ids;
  private final Hashes prefixes; // null: scan always

  private SegmentKeys(Hashes keys, Hashes ids, Hashes prefixes) {
    this.keys = keys;
    this.ids = ids;
    this.prefixes = prefixes;
  }

  /** The keys of a segment of the link index; null for a large one (seek everything there). */
  static SegmentKeys of(LeafReaderContext leaf) {
    if (leaf.reader().maxDoc() > MAX_DOCS || leaf.reader().getCoreCacheHelper() == null) {
      return null;
    }
    return OF.computeIfAbsent(
        leaf.reader().getCoreCacheHelper().getKey(),
        k -> {
          try {
            return read(leaf);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static SegmentKeys read(LeafReaderContext leaf) throws IOException {
    Hashes keys = new Hashes();
    Hashes prefixes = new Hashes();
    boolean scannable = true;
    Terms terms = leaf.reader().terms(IndexView.KEY);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        keys.add(t);
        String ns = t.length > 2 ? new String(t.bytes, t.offset, 2, UTF8) : "";
        if (ns.equals(Keys.IDENT) || ns.equals(Keys.REVERSED)) {
          String prefix = scanPrefix(t.utf8ToString());
          if (prefix == null) {
            scannable = false;
          } else if (!prefix.isEmpty()) {
            prefixes.add(new BytesRef(prefix));
          }
        }
      }
    }
    Hashes ids = new Hashes();
    Terms idTerms = leaf.reader().terms(IndexView.ID);
    if (idTerms != null) {
      TermsEnum te = idTerms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        ids.add(t);
      }
    }
    return new SegmentKeys(keys, ids, scannable ? prefixes : null);
  }

  /**
   * The prefix a one-off scan finds an identifier term under ({@code I:TYPE:head} or {@code
   * R:TYPE:tail}); empty for a value too short to be scanned for; null if it cannot tell (a value
   * that is not ASCII, a type it does not know).
   */
  private static String scanPrefix(String term) {
    int colon = term.indexOf(':', 2);
    if (colon < 0) {
      return null;
    }
    IdentifierType type;
    try {
      type = IdentifierType.valueOf(term.substring(2, colon));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String value = term.substring(colon + 1);
    if (!ascii(value)) {
      return null;
    }
    int[] split = OneOff.split(type, value.length());
    if (split == null) {
      return "";
    }
    int n = term.startsWith(Keys.IDENT) ? split[0] : split[1];
    return term.substring(0, colon + 1 + n);
  }

  /** Whether the segment may hold the key (false: it does not). */
  boolean mayHoldKey(BytesRef key) {
    return keys.contains(hash(key));
  }

  /** Whether the segment may hold the record id (false: it does not). */
  boolean mayHoldId(BytesRef id) {
    return ids.contains(hash(id));
  }

  /**
   * Whether a one-off scan from {@code prefix} (of an ASCII value) may find a term in the segment
   * (false: it finds none).
   */
  boolean mayScan(String prefix) {
    return prefixes == null || prefixes.contains(hash(new BytesRef(prefix)));
  }

  static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  private static long hash(BytesRef t) {
    return ((long) StringHelper.murmurhash3_x86_32(t.bytes, t.offset, t.length, 0x9747b28c) << 32)
        | (StringHelper.murmurhash3_x86_32(t.bytes, t.offset, t.length, 0x5bd1e995) & 0xffffffffL);
  }

  /**
   * A set of 64-bit hashes: open addressing, linear probing, at most half full (one or two probes
   * where a sorted array took a dozen cache misses). 0 marks an empty slot; a hash of 0 is kept as
   * a flag.
   */
  private static final class Hashes {
    private long[] table = new long[2048];
    private int size;
    private boolean zero;

    void add(BytesRef t) {
      long h = hash(t);
      if (h == 0) {
        zero = true;
        return;
      }
      if (2 * (size + 1) > table.length) {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long x : old) {
          if (x != 0) {
            insert(x);
          }
        }
      }
      insert(h);
    }

    private void insert(long h) {
      int mask = table.length - 1;
      for (int i = slot(h, mask); ; i = (i + 1) & mask) {
        if (table[i] == h) {
          return;
        }
        if (table[i] == 0) {
          table[i] = h;
          size++;
          return;
        }
      }
    }

    boolean contains(long h) {
      if (h == 0) {
        return zero;
      }
      int mask = table.length - 1;
      for (int i = slot(h, mask); ; i = (i + 1) & mask) {
        if (table[i] == h) {
          return true;
        }
        if (table[i] == 0) {
          return false;
        }
      }
    }

    private static int slot(long h, int mask) {
      return (int) (h ^ (h >>> 29)) & mask;
    }
  }
}
