package io.liaison.node.price.internal;

import io.liaison.api.price.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Figures read from an {@link ObservationTable}'s month sums: compliance counts by a dimension with
 * the period before, repeat deviators, and mean observed carton prices per bureau and product. A
 * window of days reads the sums of the whole months inside it and the visits of the partial months
 * at its edges ({@link #cells}), so the cost is O(months × cells a month + items of the two edge
 * months), not O(items); a window of whole months reads no item at all. The caller holds the
 * table's read lock.
 */
public final class TableFigures {
  private TableFigures() {}

  /** Counts for one key: judged, compliant, and the same in the period before. */
  public record Counts(
      String key, long judged, long compliant, long prevJudged, long prevCompliant) {}

  /** Compliance counts and the unjudged count of the current window. */
  public record Compliance(List<Counts> rows, Counts total, long unjudged) {}

  /** Sums of one cell (a month's sums, or one item of an edge month). */
  interface CellSink {
    void accept(
        int month,
        int bureau,
        int group,
        int product,
        long judged,
        long compliant,
        long unjudged,
        long cartonFen,
        long items);
  }

  /**
   * Hands {@code sink} the sums of [from, to]: each cell of a month wholly inside, and each item of
   * a visit inside the window in a month only partly inside (as a cell of one).
   */
  static void cells(ObservationTable t, int from, int to, int bureauFilter, CellSink sink) {
    if (from > to) {
      return;
    }
    int mTo = ObservationTable.monthOf(to);
    for (int m = ObservationTable.monthOf(from); m <= mTo; m++) {
      if (ObservationTable.firstDay(m) >= from && ObservationTable.firstDay(m + 1) - 1 <= to) {
        ObservationTable.Sums s = t.cellsOfMonth.get(m);
        if (s == null) {
          continue;
        }
        long[] v = s.values;
        for (int slot = 0; slot < s.size; slot++) {
          int c = s.keys[slot];
          int b = t.cells.part(c, 0);
          if (bureauFilter >= 0 && b != bureauFilter) {
            continue;
          }
          int at = slot * s.width;
          sink.accept(
              m,
              b,
              t.cells.part(c, 1) - 1,
              t.cells.part(c, 2),
              v[at + ObservationTable.JUDGED],
              v[at + ObservationTable.COMPLIANT],
              v[at + ObservationTable.UNJUDGED],
              v[at + ObservationTable.CARTON_FEN],
              v[at + ObservationTable.ITEMS]);
        }
      } else {
        ObservationTable.IntList vs = t.visitsOfMonth.get(m);
        for (int k = 0; vs != null && k < vs.size; k++) {
          int visit = vs.values[k];
          int d = t.vDay[visit];
          int b = t.vBureau[visit];
          if (d < from || d > to || (bureauFilter >= 0 && b != bureauFilter)) {
            continue;
          }
          int g = t.groupOf(t.vRetailer[visit]);
          long tol = t.toleranceOf(b);
          for (int i = t.first[visit]; i < t.first[visit + 1]; i++) {
            boolean judged = t.agreed[i] >= 0;
            sink.accept(
                m,
                b,
                g,
                t.item[i] >> 1,
                judged ? 1 : 0,
                judged && t.compliant(i, tol) ? 1 : 0,
                judged ? 0 : 1,
                t.cartonFen(i),
                1);
          }
        }
      }
    }
  }

  /**
   * Compliance of [from, to] grouped by {@code by}; the previous period is the month or quarter
   * before each key, or the window of equal length before {@code from}. Tolerances are the table's.
   *
   * @param bureauFilter only rows of this bureau (index), or -1 for all
   */
  public static Compliance compliance(
      ObservationTable t, Dimension by, int from, int to, int bureauFilter) {
    boolean periodic = by == Dimension.MONTH || by == Dimension.QUARTER;
    boolean monthly = by == Dimension.MONTH;
    int prevFrom;
    int keyBase;
    int keys;
    if (periodic) {
      int mFrom = ObservationTable.monthOf(from);
      int kFrom = monthly ? mFrom : mFrom / 3;
      int kTo = monthly ? ObservationTable.monthOf(to) : ObservationTable.monthOf(to) / 3;
      keyBase = kFrom - 1;
      keys = kTo - keyBase + 1;
      prevFrom = ObservationTable.firstDay(monthly ? mFrom - 1 : (kFrom - 1) * 3);
    } else {
      keyBase = 0;
      prevFrom = from - (to - from + 1);
      keys =
          switch (by) {
            case COUNTY -> t.bureaus.size();
            case GROUP -> t.groups.size();
            default -> t.products.size();
          };
    }
    long[] judged = new long[keys];
    long[] ok = new long[keys];
    long[] pJudged = new long[keys];
    long[] pOk = new long[keys];
    long[] totals = new long[5]; // judged, compliant, prev judged, prev compliant, unjudged
    for (boolean current : new boolean[] {false, true}) {
      cells(
          t,
          current ? from : prevFrom,
          current ? to : from - 1,
          bureauFilter,
          (m, b, g, p, j, c, u, fen, n) -> {
            if (current) {
              totals[4] += u;
            }
            if (j == 0) {
              return;
            }
            int k =
                switch (by) {
                  case COUNTY -> b;
                  case GROUP -> g;
                  case BRAND -> p;
                  case MONTH -> m - keyBase;
                  case QUARTER -> m / 3 - keyBase;
                };
            if (k < 0) {
              return; // judged rows always have a group; kept for safety
            }
            if (periodic) {
              // a row counts for its own key, and as the "previous" of the key after it
              if (current && k >= 1) {
                judged[k] += j;
                ok[k] += c;
              }
              if (k + 1 < keys) {
                pJudged[k + 1] += j;
                pOk[k + 1] += c;
              }
            } else if (current) {
              judged[k] += j;
              ok[k] += c;
            } else {
              pJudged[k] += j;
              pOk[k] += c;
            }
            totals[current ? 0 : 2] += j;
            totals[current ? 1 : 3] += c;
          });
    }
    List<Counts> rows = new ArrayList<>();
    for (int k = periodic ? 1 : 0; k < keys; k++) {
      if (judged[k] == 0 && (!periodic && pJudged[k] == 0)) {
        continue;
      }
      String key =
          switch (by) {
            case COUNTY -> t.bureaus.get(k);
            case GROUP -> t.groups.get(k);
            case BRAND -> t.products.get(k);
            case MONTH -> monthLabel(k + keyBase);
            case QUARTER -> quarterLabel(k + keyBase);
          };
      rows.add(new Counts(key, judged[k], ok[k], pJudged[k], pOk[k]));
    }
    if (!periodic) {
      rows.sort(Comparator.comparing(Counts::key));
    }
    return new Compliance(
        rows, new Counts("total", totals[0], totals[1], totals[2], totals[3]), totals[4]);
  }

  /** A retailer with the visits in a window and how many of them found a deviation. */
  public record Deviator(
      int retailer, int bureau, int group, long visits, long deviating, long lastAt) {}

  /**
   * Retailers with at least {@code min} deviating visits in [from, to]; the bureau is that of the
   * retailer's latest visit in the window, the group its group now, {@code lastAt} the time of its
   * latest deviating visit.
   */
  public static List<Deviator> deviators(
      ObservationTable t, int from, int to, int bureauFilter, int min) {
    int n = t.retailers.size();
    long[] visits = new long[n];
    long[] deviating = new long[n];
    long[] lastDev = new long[n];
    long[] lastAt = new long[n];
    int[] bureau = new int[n];
    if (from <= to) {
      int mTo = ObservationTable.monthOf(to);
      for (int m = ObservationTable.monthOf(from); m <= mTo; m++) {
        if (ObservationTable.firstDay(m) >= from && ObservationTable.firstDay(m + 1) - 1 <= to) {
          ObservationTable.Sums s = t.sellersOfMonth.get(m);
          for (int slot = 0; s != null && slot < s.size; slot++) {
            int c = s.keys[slot];
            int b = t.sellers.part(c, 0);
            if (bureauFilter >= 0 && b != bureauFilter) {
              continue;
            }
            int r = t.sellers.part(c, 1);
            int at = slot * s.width;
            long[] v = s.values;
            visits[r] += v[at + ObservationTable.VISITS];
            deviating[r] += v[at + ObservationTable.DEVIATING];
            lastDev[r] = Math.max(lastDev[r], v[at + ObservationTable.LAST_DEVIATING]);
            if (v[at + ObservationTable.LAST_AT] > lastAt[r]) {
              lastAt[r] = v[at + ObservationTable.LAST_AT];
              bureau[r] = b;
            }
          }
        } else {
          ObservationTable.IntList vs = t.visitsOfMonth.get(m);
          for (int k = 0; vs != null && k < vs.size; k++) {
            int visit = vs.values[k];
            int d = t.vDay[visit];
            int b = t.vBureau[visit];
            if (d < from || d > to || (bureauFilter >= 0 && b != bureauFilter)) {
              continue;
            }
            int r = t.vRetailer[visit];
            long at = t.vAt[visit];
            visits[r]++;
            if (t.deviating[visit]) {
              deviating[r]++;
              lastDev[r] = Math.max(lastDev[r], at);
            }
            if (at > lastAt[r]) {
              lastAt[r] = at;
              bureau[r] = b;
            }
          }
        }
      }
    }
    List<Deviator> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (visits[r] > 0 && deviating[r] >= min) {
        out.add(new Deviator(r, bureau[r], t.groupOf(r), visits[r], deviating[r], lastDev[r]));
      }
    }
    out.sort(
        Comparator.comparingLong(Deviator::deviating)
            .reversed()
            .thenComparing(x -> t.retailers.get(x.retailer())));
    return out;
  }

  /**
   * Sum and count of charged prices per carton (a pack counts ten times its price) by bureau and
   * product over [from, to]: {@code [bureau][product] -> {sumFen, count}}.
   */
  public static long[][][] cartonPrices(ObservationTable t, int from, int to) {
    int products = t.products.size();
    long[] flat = new long[t.bureaus.size() * products * 2];
    cells(
        t,
        from,
        to,
        -1,
        (m, b, g, p, j, c, u, fen, n) -> {
          int at = (b * products + p) * 2;
          flat[at] += fen;
          flat[at + 1] += n;
        });
    long[][][] out = new long[t.bureaus.size()][products][];
    for (int b = 0; b < out.length; b++) {
      for (int p = 0; p < products; p++) {
        int at = (b * products + p) * 2;
        out[b][p] = new long[] {flat[at], flat[at + 1]};
      }
    }
    return out;
  }

  static String monthLabel(int m) {
    return String.format("%04d-%02d", m / 12, m % 12 + 1);
  }

  static String quarterLabel(int q) {
    return String.format("%04d-Q%d", q / 4, q % 4 + 1);
  }
}
