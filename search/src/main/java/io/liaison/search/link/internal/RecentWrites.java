package io.liaison.search.link.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was written to the {@link LinkIndex} since its searcher was last refreshed: the latest rank
 * and profile of each record written, the new profiles by key and by one-off prefix, and the
 * searcher documents they superseded (hidden from lookups). Together with the searcher it is the
 * current view; {@link #clear()} after a refresh. Not thread-safe.
 */
final class RecentWrites {
  /** A record (profile) or tombstone (null profile) written since the refresh. */
  record Entry(long rank, Profile profile) {}

  private final Map<String, Entry> byId = new HashMap<>();
  private final Map<String, List<Profile>> byKey = new HashMap<>();
  private final Map<String, List<Profile>> byPrefix = new HashMap<>();
  private final Set<Integer> shadowed = new HashSet<>();

  Entry get(String id) {
    return byId.get(id);
  }

  /** Records {@code id} as written with {@code rank}; {@code p} null for a tombstone. */
  void put(String id, long rank, Profile p) {
    byId.put(id, new Entry(rank, p));
    if (p != null) {
      for (String key : p.keys()) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(p);
      }
      for (String prefix : prefixes(p)) {
        byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>(2)).add(p);
      }
    }
  }

  /** Forgets the profile last written for {@code id} (it is being superseded). */
  void forget(String id) {
    Entry old = byId.get(id);
    if (old != null && old.profile() != null) {
      remove(byKey, old.profile().keys(), id);
      remove(byPrefix, prefixes(old.profile()), id);
    }
  }

  /** Hides a searcher document (global doc id) superseded since the refresh. */
  void shadow(int globalDoc) {
    shadowed.add(globalDoc);
  }

  boolean shadowed(int globalDoc) {
    return shadowed.contains(globalDoc);
  }

  boolean isEmpty() {
    return byId.isEmpty() && shadowed.isEmpty();
  }

  boolean noneShadowed() {
    return shadowed.isEmpty();
  }

  List<Profile> withKey(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  /**
   * Profiles with a long identifier of this one-off prefix ({@link #headPrefix}/{@link
   * #tailPrefix}).
   */
  List<Profile> withPrefix(String prefix) {
    return byPrefix.getOrDefault(prefix, List.of());
  }

  void clear() {
    byId.clear();
    byKey.clear();
    byPrefix.clear();
    shadowed.clear();
  }

  private static void remove(Map<String, List<Profile>> map, Iterable<String> keys, String id) {
    for (String key : keys) {
      List<Profile> list = map.get(key);
      if (list != null) {
        list.removeIf(q -> q.id().equals(id));
        if (list.isEmpty()) {
          map.remove(key);
        }
      }
    }
  }

  private static List<String> prefixes(Profile p) {
    List<String> out = new ArrayList<>();
    for (Ident i : p.idents()) {
      int[] split = OneOff.split(i.type(), i.value().length());
      if (split != null) {
        out.add(headPrefix(i, split));
        out.add(tailPrefix(i, split));
      }
    }
    return out;
  }

  static String headPrefix(Ident i, int[] split) {
    return Keys.ident(i.type(), i.value().substring(0, split[0]));
  }

  static String tailPrefix(Ident i, int[] split) {
    String reversed = new StringBuilder(i.value()).reverse().toString();
    return Keys.reversed(i.type(), "") + reversed.substring(0, split[1]);
  }
}
