package io.liaison.node.price.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every recorded observed item, column by column in primitive arrays, so that figures over a
 * million items are one pass over memory (~10 ms) instead of a million parsed records. Strings
 * (bureaus, groups, products, retailers) are interned to small ints by {@link Dict}s.
 *
 * <p>Invariants: every column has {@link #size()} valid entries; {@code agreed[i]} is the agreed
 * price for row i's unit on its day, or -1 when nothing applies (kept current by {@link
 * #reevaluate}); rows of one visit are contiguous and share {@code visit[i]}. Not thread-safe: the
 * owner ({@code PriceBook}) guards it with a read-write lock. Cost: ~60 bytes a row.
 */
public final class ObservationTable {
  public final Dict bureaus = new Dict();
  public final Dict groups = new Dict();
  public final Dict products = new Dict();
  public final Dict retailers = new Dict();

  int size;
  int visits;
  int[] bureau = new int[1024];
  int[] group = new int[1024];
  int[] product = new int[1024];
  int[] retailer = new int[1024];
  int[] visit = new int[1024];
  int[] day = new int[1024];
  int[] month = new int[1024];
  byte[] carton = new byte[1024];
  long[] at = new long[1024];
  long[] marked = new long[1024];
  long[] sale = new long[1024];
  long[] agreed = new long[1024];

  public int size() {
    return size;
  }

  /** Starts a new visit; rows added until the next call belong to it. */
  public int newVisit() {
    return visits++;
  }

  /** Adds one row of the current visit. */
  public void add(
      int bureauIdx,
      int retailerIdx,
      int productIdx,
      boolean isCarton,
      int epochDay,
      int monthIdx,
      long atMillis,
      long markedFen,
      long saleFen) {
    if (size == bureau.length) {
      int n = size * 2;
      bureau = Arrays.copyOf(bureau, n);
      group = Arrays.copyOf(group, n);
      product = Arrays.copyOf(product, n);
      retailer = Arrays.copyOf(retailer, n);
      visit = Arrays.copyOf(visit, n);
      day = Arrays.copyOf(day, n);
      month = Arrays.copyOf(month, n);
      carton = Arrays.copyOf(carton, n);
      at = Arrays.copyOf(at, n);
      marked = Arrays.copyOf(marked, n);
      sale = Arrays.copyOf(sale, n);
      agreed = Arrays.copyOf(agreed, n);
    }
    int i = size++;
    bureau[i] = bureauIdx;
    group[i] = -1;
    product[i] = productIdx;
    retailer[i] = retailerIdx;
    visit[i] = visits - 1;
    day[i] = epochDay;
    month[i] = monthIdx;
    carton[i] = (byte) (isCarton ? 1 : 0);
    at[i] = atMillis;
    marked[i] = markedFen;
    sale[i] = saleFen;
    agreed[i] = -1;
  }

  /** What an agreement lookup needs to know of one row. */
  public interface Judge {
    /** The row's group (index into {@link #groups}), -1 if none. */
    int groupOf(int retailerIdx);

    /** The agreed fen for the group, product, unit and day, -1 if none. */
    long agreed(int groupIdx, int productIdx, boolean isCarton, int epochDay);
  }

  /** Sets {@code group} and {@code agreed} of rows [from, size) again. */
  public void reevaluate(int from, Judge judge) {
    for (int i = from; i < size; i++) {
      int g = judge.groupOf(retailer[i]);
      group[i] = g;
      agreed[i] = g < 0 ? -1 : judge.agreed(g, product[i], carton[i] == 1, day[i]);
    }
  }

  /** Interned strings: index ↔ value. */
  public static final class Dict {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    public int of(String v) {
      Integer i = index.get(v);
      if (i == null) {
        i = values.size();
        index.put(v, i);
        values.add(v);
      }
      return i;
    }

    /** The index of {@code v}, -1 if it was never interned. */
    public int find(String v) {
      Integer i = index.get(v);
      return i == null ? -1 : i;
    }

    public String get(int i) {
      return values.get(i);
    }

    public int size() {
      return values.size();
    }
  }
}
