package io.liaison.search.link.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link IndexView}'s searcher holds, remembered for the writes that go through the view
 * until its next refresh: each term's postings (per segment: its document frequency and its first
 * live documents), the terms one character off an identifier, and decoded profiles.
 *
 * <p>A write reads the same keys three times — how many records hold each before the write, after
 * it, and who they are for its candidates — and the next writes read many of them again (a
 * network's phone, a common name, the ids of records written a moment ago). The searcher does not
 * change until the view is refreshed, so what it holds can be read once: everything that changes
 * between two refreshes (the records written since, the searcher documents they superseded) is in
 * {@link RecentWrites} and is applied to what is remembered here on every read, exactly as the
 * reads without a memo apply it to the postings. A term whose first {@link #LIMIT} live documents
 * are not enough for a read (more than that many of them superseded) is read again from the index.
 *
 * <p>Not thread-safe: used only by the thread that made its view (the engine's writes and reads,
 * under its lock), never by the threads of a relink's link pass. Bounded: past {@link #MAX_ENTRIES}
 * terms of a kind or {@link #MAX_PROFILES} profiles it forgets them and fills again.
 */
final class TermMemo {
  /** Live documents remembered per segment and term: past the most a count ever needs (61). */
  static final int LIMIT = 128;

  /**
   * Terms remembered (of each kind) before they are forgotten; a view is refreshed long before (a
   * thousand writes read some 30,000 terms).
   */
  static final int MAX_ENTRIES = 100_000;

  /**
   * Decoded profiles remembered before they are forgotten (0.5–2 KB each in memory: ~16–32 MB at
   * most on a node's heap).
   */
  static final int MAX_PROFILES = 16_384;

  /**
   * A term in one segment: whether the segment has no deletions, the term's document frequency and
   * its first live documents (global ids, in order), {@code complete} when those are all of them.
   */
  record Postings(boolean noDeletions, int docFreq, int[] docs, boolean complete) {}

  /**
   * A term one character off an identifier, found in a segment's prefix scan, with its postings.
   */
  record Near(String value, Postings postings) {}

  private final Map<String, Postings[]> keys = new HashMap<>();
  private final Map<String, Postings[]> ids = new HashMap<>();
  private final Map<String, List<Near>> hoods = new HashMap<>();
  private final Map<Integer, Profile> profiles = new HashMap<>();

  Postings[] key(String key) {
    return keys.get(key);
  }

  void key(String key, Postings[] postings) {
    put(keys, key, postings);
  }

  Postings[] id(String id) {
    return ids.get(id);
  }

  void id(String id, Postings[] postings) {
    put(ids, id, postings);
  }

  List<Near> hood(String identKey) {
    return hoods.get(identKey);
  }

  void hood(String identKey, List<Near> near) {
    put(hoods, identKey, near);
  }

  Profile profile(int globalDoc) {
    return profiles.get(globalDoc);
  }

  void profile(int globalDoc, Profile p) {
    if (profiles.size() >= MAX_PROFILES) {
      profiles.clear();
    }
    profiles.put(globalDoc, p);
  }

  /**
   * {@link IndexView#records} from remembered postings: the records written since the refresh
   * ({@code fresh}) plus the searcher's visible documents, counted up to {@code cap + 1} in the
   * same way (a segment without deletions by its document frequency while nothing is superseded);
   * null if more documents would have to be read than are remembered.
   */
  static Integer count(Postings[] postings, RecentWrites recent, int fresh, int cap) {
    int n = fresh;
    for (Postings p : postings) {
      if (p.noDeletions() && recent.noneShadowed()) {
        n += p.docFreq();
      } else {
        int[] docs = p.docs();
        for (int i = 0; i < docs.length && n <= cap; i++) {
          if (!recent.shadowed(docs[i])) {
            n++;
          }
        }
        if (n <= cap && !p.complete()) {
          return null;
        }
      }
      if (n > cap) {
        return n;
      }
    }
    return n;
  }

  /**
   * Adds the first {@code limit} visible (not superseded) documents of remembered postings to
   * {@code out}; returns how many, or -1 (nothing added) if more would have to be read than are
   * remembered.
   */
  static int take(Postings p, RecentWrites recent, List<Integer> out, int limit) {
    int[] docs = p.docs();
    int k = 0;
    int i = 0;
    for (; i < docs.length && k < limit; i++) {
      if (!recent.shadowed(docs[i])) {
        k++;
      }
    }
    if (k < limit && !p.complete()) {
      return -1;
    }
    for (int j = 0; j < i; j++) {
      if (!recent.shadowed(docs[j])) {
        out.add(docs[j]);
      }
    }
    return k;
  }

  private static <K, V> void put(Map<K, V> map, K k, V v) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(k, v);
  }
}
