package io.liaison.api.forms;

import io.liaison.api.FieldException;

/**
 * Goods of a form by brand and specification, counted in 条 (cartons of 200 sticks).
 *
 * @param brand e.g. 中华
 * @param spec e.g. 硬 (optional)
 * @param cartons how many 条, at least 1
 * @param genuine false for counterfeit (假冒), true for genuine (真品) goods
 */
public record FormGoods(String brand, String spec, long cartons, boolean genuine) {
  public FormGoods {
    brand = FieldException.text(brand, "brand", 40);
    spec = FieldException.optionalText(spec, "spec", 60);
    if (cartons < 1 || cartons > 10_000_000) {
      FieldException.invalid("cartons", "must be 1..10000000 条");
    }
  }
}
