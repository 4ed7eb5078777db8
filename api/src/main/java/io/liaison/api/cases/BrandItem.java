package io.liaison.api.cases;

import io.liaison.api.FieldException;

/**
 * One seized brand and specification with its quantity in sticks (支). Quantities given in 条 or 件
 * are converted at the edge with {@link Sticks}, e.g. {@code BrandItem.of("中华", "硬",
 * Sticks.parse("30条"))}.
 */
public record BrandItem(String brand, String spec, long sticks) {
  public BrandItem {
    brand = FieldException.text(brand, "brand", 40);
    spec = FieldException.optionalText(spec, "spec", 60);
    if (sticks <= 0) {
      throw new FieldException("sticks", "must be positive");
    }
  }

  public static BrandItem of(String brand, String spec, long sticks) {
    return new BrandItem(brand, spec, sticks);
  }

  /** Brand and spec as written on a seizure list, e.g. {@code 中华(硬)}. */
  public String label() {
    return spec == null ? brand : brand + "(" + spec + ")";
  }
}
