package io.liaison.api.price;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.List;

/**
 * A bureau's settings for the price rule, signed and versioned like its records.
 *
 * @param toleranceFen how far (either way) a price may lie from the agreement and still be
 *     compliant, per unit observed; 0 (the default) is 明码实价 exactly
 * @param gapThresholdFen a cross-border gap per carton above this is flagged (default 10 元)
 * @param neighbours the counties this bureau borders, whose prices it compares with its own: every
 *     bureau's signed settings together give the region's border pairs (a pair named by either side
 *     counts), see {@code BorderPairs}; none by default
 */
public record PriceSettings(
    BureauId bureau,
    long toleranceFen,
    long gapThresholdFen,
    Long version,
    List<BureauId> neighbours) {
  public static final long DEFAULT_GAP_THRESHOLD_FEN = 1_000;

  public PriceSettings {
    FieldException.required(bureau, "bureau");
    if (toleranceFen < 0) {
      FieldException.invalid("toleranceFen", "must not be negative");
    }
    if (gapThresholdFen < 0) {
      FieldException.invalid("gapThresholdFen", "must not be negative");
    }
    version = version == null ? 0L : version;
    if (version < 0) {
      FieldException.invalid("version", "must not be negative");
    }
    neighbours = Lists.copy(neighbours, "neighbours", 64);
    for (int i = 0; i < neighbours.size(); i++) {
      if (neighbours.get(i).equals(bureau)) {
        FieldException.invalid("neighbours/" + i, "a bureau does not border itself");
      } else if (neighbours.indexOf(neighbours.get(i)) < i) {
        FieldException.invalid("neighbours/" + i, "named twice");
      }
    }
  }

  /** Settings that name no neighbours. */
  public PriceSettings(BureauId bureau, long toleranceFen, long gapThresholdFen, Long version) {
    this(bureau, toleranceFen, gapThresholdFen, version, List.of());
  }

  /** What applies to a bureau that has set nothing. */
  public static PriceSettings defaults(BureauId bureau) {
    return new PriceSettings(bureau, 0, DEFAULT_GAP_THRESHOLD_FEN, 0L);
  }

  public PriceSettings withVersion(long v) {
    return new PriceSettings(bureau, toleranceFen, gapThresholdFen, v, neighbours);
  }
}
