package io.liaison.search.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Clustering quality against labelled truth. Pairwise: a pair of records is predicted when both are
 * in one network and true when both are in one labelled network. B-cubed: per record, the share of
 * its predicted network that is truly its own (precision) and the share of its true network it was
 * put with (recall), averaged over all records; records outside any network are clusters of one.
 */
public record Metrics(
    long truePairs,
    long predictedPairs,
    long correctPairs,
    double pairPrecision,
    double pairRecall,
    double pairF1,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1) {

  /**
   * Compares {@code predicted} with {@code truth}: both map every record id to its cluster label,
   * or to null when the record is in no cluster.
   */
  public static Metrics of(Map<String, String> truth, Map<String, String> predicted) {
    Map<String, Long> trueSize = new HashMap<>();
    Map<String, Long> predSize = new HashMap<>();
    Map<String, Long> cells = new HashMap<>();
    Map<String, String[]> cellKeys = new HashMap<>();
    for (Map.Entry<String, String> e : truth.entrySet()) {
      String t = label(e.getValue(), e.getKey());
      String p = label(predicted.get(e.getKey()), e.getKey());
      trueSize.merge(t, 1L, Long::sum);
      predSize.merge(p, 1L, Long::sum);
      String cell = t + "\u0000" + p;
      cells.merge(cell, 1L, Long::sum);
      cellKeys.putIfAbsent(cell, new String[] {t, p});
    }
    long truePairs = trueSize.values().stream().mapToLong(Metrics::pairs).sum();
    long predPairs = predSize.values().stream().mapToLong(Metrics::pairs).sum();
    long correct = 0;
    double bp = 0;
    double br = 0;
    for (Map.Entry<String, Long> c : cells.entrySet()) {
      long n = c.getValue();
      String[] k = cellKeys.get(c.getKey());
      correct += pairs(n);
      bp += (double) n * n / predSize.get(k[1]);
      br += (double) n * n / trueSize.get(k[0]);
    }
    int records = truth.size();
    double p = predPairs == 0 ? 1 : (double) correct / predPairs;
    double r = truePairs == 0 ? 1 : (double) correct / truePairs;
    bp /= Math.max(1, records);
    br /= Math.max(1, records);
    return new Metrics(truePairs, predPairs, correct, p, r, f1(p, r), bp, br, f1(bp, br));
  }

  private static String label(String cluster, String record) {
    return cluster == null ? "\u0001" + record : Objects.requireNonNull(cluster);
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
