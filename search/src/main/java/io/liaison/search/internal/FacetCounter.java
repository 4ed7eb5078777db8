package io.liaison.search.internal;

import io.liaison.search.Facet;
import io.liaison.search.SearchResult.FacetCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Facet counts from the sorted-set doc values of the index. The ordinal map over segments is built
 * once per reader (after each refresh), not per query.
 */
public final class FacetCounter {
  private record Cached(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private volatile Cached cached;

  /** Counts of the top {@code size} values of each of {@code facets} among the collected docs. */
  public Map<Facet, List<FacetCount>> count(
      IndexReader reader, FacetsCollector collected, Set<Facet> facets, int size)
      throws IOException {
    Map<Facet, List<FacetCount>> out = new EnumMap<>(Facet.class);
    if (facets.isEmpty()) {
      return out;
    }
    SortedSetDocValuesReaderState state = state(reader);
    SortedSetDocValuesFacetCounts counts =
        state == null ? null : new SortedSetDocValuesFacetCounts(state, collected);
    for (Facet f : facets) {
      List<FacetCount> values = new ArrayList<>();
      FacetResult r = counts == null ? null : topChildren(counts, state, f, size);
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
      }
      out.put(f, List.copyOf(values));
    }
    return out;
  }

  /** The ordinal state for {@code reader}, or null while no document has facets. */
  public SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Cached c = cached;
    if (c != null && c.reader() == reader) {
      return c.state();
    }
    synchronized (this) {
      c = cached;
      if (c != null && c.reader() == reader) {
        return c.state();
      }
      SortedSetDocValuesReaderState state = hasFacets(reader) ? build(reader) : null;
      cached = new Cached(reader, state);
      return state;
    }
  }

  private static SortedSetDocValuesReaderState build(IndexReader reader) throws IOException {
    return new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
  }

  private static boolean hasFacets(IndexReader reader) {
    String field = Schema.facetsConfig().getDimConfig(Facet.BUREAU.dim()).indexFieldName;
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(field) != null) {
        return true;
      }
    }
    return false;
  }

  private static FacetResult topChildren(
      SortedSetDocValuesFacetCounts counts, SortedSetDocValuesReaderState state, Facet f, int size)
      throws IOException {
    if (state.getOrdRange(f.dim()) == null) {
      return null; // no document has this dimension yet
    }
    return counts.getTopChildren(size, f.dim());
  }
}
