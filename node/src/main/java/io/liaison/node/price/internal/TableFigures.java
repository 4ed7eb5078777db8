package io.liaison.node.price.internal;

import io.liaison.api.price.Dimension;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures computed in one pass over an {@link ObservationTable}: compliance counts by a dimension
 * with the period before, repeat deviators, and mean observed carton prices per bureau and product.
 * Cost: O(rows) with array indexing only (no allocation per row); the caller holds the table's read
 * lock.
 */
public final class TableFigures {
  private TableFigures() {}

  /** Counts for one key: judged, compliant, and the same in the period before. */
  public record Counts(
      String key, long judged, long compliant, long prevJudged, long prevCompliant) {}

  /** Compliance counts and the unjudged count of the current window. */
  public record Compliance(List<Counts> rows, Counts total, long unjudged) {}

  /**
   * Compliance of rows with day in [from, to] grouped by {@code by}; the previous period is the
   * month or quarter before each key, or the window of equal length before {@code from}.
   *
   * @param bureauFilter only rows of this bureau (index), or -1 for all
   * @param tolerance tolerance in fen by bureau index (missing: 0)
   */
  public static Compliance compliance(
      ObservationTable t, Dimension by, int from, int to, int bureauFilter, long[] tolerance) {
    boolean periodic = by == Dimension.MONTH || by == Dimension.QUARTER;
    int len = to - from + 1;
    int prevFrom;
    int keyBase = 0;
    int keys;
    if (periodic) {
      int mFrom = monthOf(from);
      int mTo = monthOf(to);
      int span = by == Dimension.MONTH ? 1 : 3;
      int kFrom = by == Dimension.MONTH ? mFrom : mFrom / 3;
      int kTo = by == Dimension.MONTH ? mTo : mTo / 3;
      keyBase = kFrom - 1;
      keys = kTo - keyBase + 1;
      prevFrom = dayOfMonth(by == Dimension.MONTH ? mFrom - 1 : (kFrom - 1) * 3);
      if (span == 3) {
        prevFrom = dayOfMonth((kFrom - 1) * 3);
      }
    } else {
      prevFrom = from - len;
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
    long unjudged = 0;
    long tJ = 0, tO = 0, tpJ = 0, tpO = 0;
    for (int i = 0; i < t.size; i++) {
      int d = t.day[i];
      if (d < prevFrom || d > to) {
        continue;
      }
      int b = t.bureau[i];
      if (bureauFilter >= 0 && b != bureauFilter) {
        continue;
      }
      boolean current = d >= from;
      long agreed = t.agreed[i];
      if (agreed < 0) {
        if (current) {
          unjudged++;
        }
        continue;
      }
      int k;
      if (periodic) {
        int m = t.month[i];
        k = (by == Dimension.MONTH ? m : m / 3) - keyBase;
      } else {
        k =
            switch (by) {
              case COUNTY -> b;
              case GROUP -> t.group[i];
              default -> t.product[i];
            };
      }
      long tol = b < tolerance.length ? tolerance[b] : 0;
      long sale = t.sale[i];
      boolean compliant = t.marked[i] == sale && Math.abs(sale - agreed) <= tol;
      if (periodic) {
        // a row counts for its own key, and as the "previous" of the key after it
        if (current && k >= 1) {
          judged[k]++;
          tJ++;
          if (compliant) {
            ok[k]++;
            tO++;
          }
        }
        if (k + 1 < keys) {
          pJudged[k + 1]++;
          if (compliant) {
            pOk[k + 1]++;
          }
        }
        if (!current) {
          tpJ++;
          if (compliant) {
            tpO++;
          }
        }
      } else if (current) {
        judged[k]++;
        tJ++;
        if (compliant) {
          ok[k]++;
          tO++;
        }
      } else {
        pJudged[k]++;
        tpJ++;
        if (compliant) {
          pOk[k]++;
          tpO++;
        }
      }
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
      rows.sort(java.util.Comparator.comparing(Counts::key));
    }
    return new Compliance(rows, new Counts("total", tJ, tO, tpJ, tpO), unjudged);
  }

  /** A retailer with the visits in a window and how many of them found a deviation. */
  public record Deviator(
      int retailer, int bureau, int group, long visits, long deviating, long lastAt) {}

  /** Retailers with at least {@code min} deviating visits in [from, to]. */
  public static List<Deviator> deviators(
      ObservationTable t, int from, int to, int bureauFilter, long[] tolerance, int min) {
    // per retailer (index): visits, deviating visits, last deviation; the retailer's group and
    // bureau are those of its latest visit in the window (arrays: no allocation per row)
    int n = t.retailers.size();
    long[] visits = new long[n];
    long[] deviating = new long[n];
    long[] lastAt = new long[n];
    int[] group = new int[n];
    int[] bureau = new int[n];
    int i = 0;
    while (i < t.size) {
      int v = t.visit[i];
      int end = i;
      while (end < t.size && t.visit[end] == v) {
        end++;
      }
      int d = t.day[i];
      int b = t.bureau[i];
      if (d >= from && d <= to && (bureauFilter < 0 || b == bureauFilter)) {
        int r = t.retailer[i];
        long tol = b < tolerance.length ? tolerance[b] : 0;
        boolean dev = false;
        for (int k = i; k < end && !dev; k++) {
          long agreed = t.agreed[k];
          long sale = t.sale[k];
          dev = agreed >= 0 && !(t.marked[k] == sale && Math.abs(sale - agreed) <= tol);
        }
        visits[r]++;
        group[r] = t.group[i];
        bureau[r] = b;
        if (dev) {
          deviating[r]++;
          lastAt[r] = Math.max(lastAt[r], t.at[i]);
        }
      }
      i = end;
    }
    List<Deviator> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (visits[r] > 0 && deviating[r] >= min) {
        out.add(new Deviator(r, bureau[r], group[r], visits[r], deviating[r], lastAt[r]));
      }
    }
    out.sort(
        java.util.Comparator.comparingLong(Deviator::deviating)
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
    for (int i = 0; i < t.size; i++) {
      int d = t.day[i];
      if (d < from || d > to) {
        continue;
      }
      int at = (t.bureau[i] * products + t.product[i]) * 2;
      flat[at] += t.carton[i] == 1 ? t.sale[i] : t.sale[i] * 10;
      flat[at + 1]++;
    }
    long[][][] out = new long[t.bureaus.size()][products][];
    for (int b = 0; b < out.length; b++) {
      for (int p = 0; p < products; p++) {
        int at = (b * products + p) * 2;
        out[b][p] = new long[] {flat[at], flat[at + 1]};
      }
    }
    return out;
  }

  /** The month index (year × 12 + month − 1) of an epoch day. */
  public static int monthOf(int epochDay) {
    java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  private static int dayOfMonth(int monthIdx) {
    return (int) java.time.LocalDate.of(monthIdx / 12, monthIdx % 12 + 1, 1).toEpochDay();
  }

  static String monthLabel(int m) {
    return String.format("%04d-%02d", m / 12, m % 12 + 1);
  }

  static String quarterLabel(int q) {
    return String.format("%04d-Q%d", q / 4, q % 4 + 1);
  }
}
