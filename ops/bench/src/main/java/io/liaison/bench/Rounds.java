package io.liaison.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Figures collected round by round (the machine is shared and noisy, so every case is repeated in
 * interleaved rounds): the median round and the best round of each, as a Markdown table.
 */
public final class Rounds {
  private final Map<String, List<Double>> values = new LinkedHashMap<>();
  private final Map<String, Boolean> higherIsBetter = new LinkedHashMap<>();

  /** A latency or a time: lower is better. */
  public void low(String metric, double v) {
    add(metric, v, false);
  }

  /** A throughput: higher is better. */
  public void high(String metric, double v) {
    add(metric, v, true);
  }

  private void add(String metric, double v, boolean higher) {
    values.computeIfAbsent(metric, k -> new ArrayList<>()).add(v);
    higherIsBetter.put(metric, higher);
  }

  public double median(String metric) {
    List<Double> l = values.get(metric).stream().sorted().toList();
    int n = l.size();
    return n % 2 == 1 ? l.get(n / 2) : (l.get(n / 2 - 1) + l.get(n / 2)) / 2;
  }

  public double best(String metric) {
    List<Double> l = values.get(metric);
    return higherIsBetter.get(metric)
        ? l.stream().mapToDouble(d -> d).max().orElse(Double.NaN)
        : l.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
  }

  public boolean has(String metric) {
    return values.containsKey(metric);
  }

  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| metric | median | best | rounds |\n| --- | ---: | ---: | --- |\n");
    for (String m : values.keySet()) {
      sb.append("| ")
          .append(m)
          .append(" | ")
          .append(Lat.f(median(m)))
          .append(" | ")
          .append(Lat.f(best(m)))
          .append(" | ")
          .append(values.get(m).stream().map(Lat::f).collect(Collectors.joining(" / ")))
          .append(" |\n");
    }
    return sb.toString();
  }
}
