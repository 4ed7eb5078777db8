package io.liaison.node.report;

import io.liaison.api.price.PriceGap;
import java.util.List;

/**
 * The price figures of one bureau and period as {@link io.liaison.node.price.PriceFigures} computes
 * them (observations judged and compliant; the cross-border gaps of its border pairs).
 */
public record PriceFacts(long judged, long compliant, List<PriceGap> gaps) {
  public static final PriceFacts NONE = new PriceFacts(0, 0, List.of());

  public PriceFacts {
    gaps = List.copyOf(gaps);
  }
}
