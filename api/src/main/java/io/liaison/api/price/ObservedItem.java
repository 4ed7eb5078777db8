package io.liaison.api.price;

import io.liaison.api.FieldException;

/**
 * One item seen at a retailer: the brand and spec, whether the price is per pack or per carton, the
 * price marked on the tag (明码) and the price actually charged (实价), in fen.
 */
public record ObservedItem(String brand, String spec, PackUnit unit, long markedFen, long saleFen) {
  public ObservedItem {
    Product p = new Product(brand, spec);
    brand = p.brand();
    spec = p.spec();
    FieldException.required(unit, "unit");
    if (markedFen <= 0) {
      FieldException.invalid("markedFen", "must be positive");
    }
    if (saleFen <= 0) {
      FieldException.invalid("saleFen", "must be positive");
    }
  }

  public Product product() {
    return new Product(brand, spec);
  }
}
