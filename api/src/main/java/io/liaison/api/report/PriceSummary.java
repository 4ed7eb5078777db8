package io.liaison.api.report;

import java.util.List;

/**
 * The bureau's price checks in the period (observations judged against the agreement in force,
 * compliant among them) and the widest cross-border gaps that involve it (at most {@value
 * #MAX_GAPS}, widest first).
 */
public record PriceSummary(long judged, long compliant, List<GapRow> widestGaps) {
  public static final int MAX_GAPS = 5;

  public PriceSummary {
    widestGaps = List.copyOf(widestGaps);
  }
}
