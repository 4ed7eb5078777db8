package io.liaison.search.link.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a step of a young pool's bound ({@link Linker#specificMax(int)}) changes. */
final class YoungPool {
  private YoungPool() {}

  /**
   * The identifier keys whose band moved with a young pool's bound ({@link Linker#specificMax}),
   * from {@code before} to {@code after}: those held by more records than the lower bound and no
   * more than the higher. Their holders are linked again. A key's count is its holders' number or,
   * raised (a typo of a common value, a context key, three parties), more than the absolute band,
   * where the bound does not apply; so the window is read on the plain counts, kept in memory — the
   * bound moves only while the pool holds fewer than 160 records.
   */
  static Set<String> moved(LinkIndex index, int before, int after) throws IOException {
    int lo = Math.min(before, after);
    int hi = Math.max(before, after);
    Map<String, Integer> counts = new HashMap<>();
    index.forEachProfile(
        p -> {
          for (String k : p.keys()) {
            if (k.startsWith(Keys.IDENT)) {
              counts.merge(k, 1, Integer::sum);
            }
          }
        });
    Set<String> moved = new TreeSet<>();
    counts.forEach(
        (k, c) -> {
          if (c > lo && c <= hi) {
            moved.add(k);
          }
        });
    return moved;
  }
}
