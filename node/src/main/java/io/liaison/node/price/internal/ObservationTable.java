package io.liaison.node.price.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every recorded observed item in compact primitive columns, and the sums the figures read kept
 * current as items are added: per calendar month, per cell (bureau, group, product, unit) the
 * judged, compliant and unjudged counts and the charged carton price; per month, per (bureau,
 * retailer) the visits, deviating visits and last times. A figure over a window of days therefore
 * reads the cells of the whole months inside it plus the visits of the (at most two) partial months
 * at its edges, never every item: a year over a million items is a few thousand cells.
 *
 * <p>Invariants: visit v's items are rows {@code [first[v], first[v+1])}; {@code agreed[i]} is the
 * agreed price for row i's unit on its visit's day, or -1 when nothing applies; {@code
 * deviating[v]} says whether any judged item of visit v is not compliant under its bureau's
 * tolerance; the month sums equal a recount of the rows (kept by {@link #add}, rebuilt by {@link
 * #reevaluate} and {@link #tolerance(int, long)}). Strings are interned to small ints by {@link
 * Dict}s. Not thread-safe: the owner ({@code PriceBook}) guards it with a read-write lock.
 *
 * <p>Cost: add is O(items of the visit); reevaluate is O(rows) (an agreement, group or tolerance
 * changed); memory ≈ 26 bytes an item + 33 bytes a visit + the month sums (a few cells per group,
 * product and month), against ≈ 60 bytes an item for full columns.
 */
public final class ObservationTable {
  public final Dict bureaus = new Dict();
  public final Dict groups = new Dict();
  public final Dict products = new Dict();
  public final Dict retailers = new Dict();

  // rows: one per observed item
  int size;
  short[] item = new short[1024]; // product << 1 | carton
  long[] marked = new long[1024];
  long[] sale = new long[1024];
  long[] agreed = new long[1024];

  // visits
  int visits;
  int[] first = new int[257];
  int[] vRetailer = new int[256];
  int[] vBureau = new int[256];
  int[] vDay = new int[256];
  int[] vMonth = new int[256];
  long[] vAt = new long[256];
  boolean[] deviating = new boolean[256];

  // by retailer: its group (-1 if none), as the judge last said
  int[] groupOfRetailer = new int[64];
  // by bureau: the tolerance in fen
  long[] tolerance = new long[8];

  /** Visits by month index, in the order taken. */
  final Map<Integer, IntList> visitsOfMonth = new HashMap<>();

  /** Cell sums by month: key {@link #cell} → judged, compliant, unjudged, carton fen, items. */
  final Map<Integer, Sums> cellsOfMonth = new HashMap<>();

  static final int JUDGED = 0, COMPLIANT = 1, UNJUDGED = 2, CARTON_FEN = 3, ITEMS = 4;

  /**
   * Retailer sums by month: key {@link #seller} → visits, deviating, last deviating at, last at.
   */
  final Map<Integer, Sums> sellersOfMonth = new HashMap<>();

  static final int VISITS = 0, DEVIATING = 1, LAST_DEVIATING = 2, LAST_AT = 3;

  final Combos cells = new Combos(12, 28, 15, 1); // bureau, group + 1, product, carton
  final Combos sellers = new Combos(16, 31); // bureau, retailer

  public int size() {
    return size;
  }

  public int visits() {
    return visits;
  }

  /** One observed item of a visit being added. */
  public record Item(int product, boolean carton, long markedFen, long saleFen) {}

  /**
   * Adds one visit with its items, judged by {@code judge}, and adds it to the month sums.
   *
   * @param atMillis the visit's time; {@code epochDay} its calendar day in the book's zone
   */
  public void add(
      int bureauIdx, int retailerIdx, int epochDay, long atMillis, List<Item> items, Judge judge) {
    growVisits();
    growRows(items.size());
    int v = visits++;
    vRetailer[v] = retailerIdx;
    vBureau[v] = bureauIdx;
    vDay[v] = epochDay;
    vMonth[v] = monthOf(epochDay);
    vAt[v] = atMillis;
    first[v] = size;
    for (Item it : items) {
      int i = size++;
      item[i] = (short) (it.product() << 1 | (it.carton() ? 1 : 0));
      marked[i] = it.markedFen();
      sale[i] = it.saleFen();
    }
    first[v + 1] = size;
    growRetailers(retailerIdx + 1);
    groupOfRetailer[retailerIdx] = judge.groupOf(retailerIdx);
    judge(v, judge);
    visitsOfMonth.computeIfAbsent(vMonth[v], m -> new IntList()).add(v);
    sum(v);
  }

  /** What an agreement lookup needs to know of one row. */
  public interface Judge {
    /** The retailer's group (index into {@link #groups}), -1 if none. */
    int groupOf(int retailerIdx);

    /** The agreed fen for the group, product, unit and day, -1 if none. */
    long agreed(int groupIdx, int productIdx, boolean isCarton, int epochDay);
  }

  /** Judges every row again (groups or agreements changed) and rebuilds the month sums. */
  public void reevaluate(Judge judge) {
    for (int r = 0; r < retailers.size(); r++) {
      growRetailers(r + 1);
      groupOfRetailer[r] = judge.groupOf(r);
    }
    for (int v = 0; v < visits; v++) {
      judge(v, judge);
    }
    rebuild();
  }

  /** Sets a bureau's tolerance; the sums are rebuilt if it changed. */
  public void tolerance(int bureauIdx, long fen) {
    if (bureauIdx >= tolerance.length) {
      tolerance = Arrays.copyOf(tolerance, Math.max(bureauIdx + 1, tolerance.length * 2));
    }
    if (tolerance[bureauIdx] != fen) {
      tolerance[bureauIdx] = fen;
      for (int v = 0; v < visits; v++) {
        deviating[v] = deviates(v);
      }
      rebuild();
    }
  }

  long toleranceOf(int bureauIdx) {
    return bureauIdx < tolerance.length ? tolerance[bureauIdx] : 0;
  }

  boolean compliant(int row, long tol) {
    long s = sale[row];
    return marked[row] == s && Math.abs(s - agreed[row]) <= tol;
  }

  int groupOf(int retailerIdx) {
    return retailerIdx < groupOfRetailer.length ? groupOfRetailer[retailerIdx] : -1;
  }

  private void judge(int v, Judge judge) {
    int g = groupOfRetailer[vRetailer[v]];
    for (int i = first[v]; i < first[v + 1]; i++) {
      agreed[i] = g < 0 ? -1 : judge.agreed(g, item[i] >> 1, (item[i] & 1) == 1, vDay[v]);
    }
    deviating[v] = deviates(v);
  }

  private boolean deviates(int v) {
    long tol = toleranceOf(vBureau[v]);
    for (int i = first[v]; i < first[v + 1]; i++) {
      if (agreed[i] >= 0 && !compliant(i, tol)) {
        return true;
      }
    }
    return false;
  }

  private void rebuild() {
    cellsOfMonth.clear();
    sellersOfMonth.clear();
    for (int v = 0; v < visits; v++) {
      sum(v);
    }
  }

  /** Adds visit v to its month's sums. */
  private void sum(int v) {
    int m = vMonth[v];
    int b = vBureau[v];
    int g = groupOfRetailer[vRetailer[v]];
    long tol = toleranceOf(b);
    Sums cs = cellsOfMonth.computeIfAbsent(m, k -> new Sums(5));
    for (int i = first[v]; i < first[v + 1]; i++) {
      int at = cs.slot(cells.of(b, g + 1, item[i] >> 1, item[i] & 1));
      long[] s = cs.values;
      if (agreed[i] < 0) {
        s[at + UNJUDGED]++;
      } else {
        s[at + JUDGED]++;
        if (compliant(i, tol)) {
          s[at + COMPLIANT]++;
        }
      }
      s[at + CARTON_FEN] += cartonFen(i);
      s[at + ITEMS]++;
    }
    Sums ss = sellersOfMonth.computeIfAbsent(m, k -> new Sums(4));
    int at = ss.slot(sellers.of(b, vRetailer[v]));
    long[] s = ss.values;
    s[at + VISITS]++;
    if (deviating[v]) {
      s[at + DEVIATING]++;
      s[at + LAST_DEVIATING] = Math.max(s[at + LAST_DEVIATING], vAt[v]);
    }
    s[at + LAST_AT] = Math.max(s[at + LAST_AT], vAt[v]);
  }

  /** The charged price of row i per carton (a pack counts ten times its price). */
  long cartonFen(int i) {
    return (item[i] & 1) == 1 ? sale[i] : sale[i] * 10;
  }

  private void growVisits() {
    if (visits + 1 >= vRetailer.length) {
      int n = vRetailer.length * 2;
      first = Arrays.copyOf(first, n + 1);
      vRetailer = Arrays.copyOf(vRetailer, n);
      vBureau = Arrays.copyOf(vBureau, n);
      vDay = Arrays.copyOf(vDay, n);
      vMonth = Arrays.copyOf(vMonth, n);
      vAt = Arrays.copyOf(vAt, n);
      deviating = Arrays.copyOf(deviating, n);
    }
  }

  private void growRows(int more) {
    if (size + more > item.length) {
      int n = Math.max(size + more, item.length * 2);
      item = Arrays.copyOf(item, n);
      marked = Arrays.copyOf(marked, n);
      sale = Arrays.copyOf(sale, n);
      agreed = Arrays.copyOf(agreed, n);
    }
  }

  private void growRetailers(int n) {
    if (n > groupOfRetailer.length) {
      int old = groupOfRetailer.length;
      groupOfRetailer = Arrays.copyOf(groupOfRetailer, Math.max(n, old * 2));
      Arrays.fill(groupOfRetailer, old, groupOfRetailer.length, -1);
    }
  }

  /** The month index (year × 12 + month − 1) of an epoch day. */
  public static int monthOf(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  /** The epoch day of the first day of a month index. */
  public static int firstDay(int month) {
    return (int)
        LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1).toEpochDay();
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

  /** Tuples of small non-negative ints (parts of the given bit widths) interned to dense ints. */
  static final class Combos {
    private final int[] bits;
    private final Map<Long, Integer> index = new HashMap<>();
    private int[] parts = new int[64];
    private int size;

    Combos(int... bits) {
      this.bits = bits;
    }

    int of(int... p) {
      long key = 0;
      for (int k = 0; k < bits.length; k++) {
        if (p[k] < 0 || p[k] >= 1L << bits[k]) {
          throw new IllegalStateException("part " + k + " out of range: " + p[k]);
        }
        key = key << bits[k] | p[k];
      }
      Integer i = index.get(key);
      if (i != null) {
        return i;
      }
      i = size++;
      if (size * bits.length > parts.length) {
        parts = Arrays.copyOf(parts, parts.length * 2);
      }
      System.arraycopy(p, 0, parts, i * bits.length, bits.length);
      index.put(key, i);
      return i;
    }

    int part(int combo, int k) {
      return parts[combo * bits.length + k];
    }
  }

  /** Sparse sums: int key → {@code width} longs at {@code values[slot]}; open addressing. */
  static final class Sums {
    final int width;
    int[] keys = new int[16];
    long[] values;
    int size;
    private int[] table = new int[32]; // slot index + 1, 0 = empty

    Sums(int width) {
      this.width = width;
      this.values = new long[16 * width];
    }

    /** The offset into {@link #values} of {@code key}'s sums (added as zeros if new). */
    int slot(int key) {
      int mask = table.length - 1;
      int h = (key * 0x9E3779B9) >>> 7 & mask;
      while (table[h] != 0) {
        int s = table[h] - 1;
        if (keys[s] == key) {
          return s * width;
        }
        h = (h + 1) & mask;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2 * width);
      }
      int s = size++;
      keys[s] = key;
      table[h] = s + 1;
      if (size * 2 > table.length) {
        rehash();
      }
      return s * width;
    }

    private void rehash() {
      table = new int[table.length * 2];
      int mask = table.length - 1;
      for (int s = 0; s < size; s++) {
        int h = (keys[s] * 0x9E3779B9) >>> 7 & mask;
        while (table[h] != 0) {
          h = (h + 1) & mask;
        }
        table[h] = s + 1;
      }
    }
  }

  /** A growable list of ints. */
  static final class IntList {
    int[] values = new int[16];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
