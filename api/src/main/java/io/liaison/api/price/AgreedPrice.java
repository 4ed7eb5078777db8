package io.liaison.api.price;

import io.liaison.api.FieldException;

/** The agreed retail price of one brand and specification, per pack and per carton, in fen. */
public record AgreedPrice(String brand, String spec, long packFen, long cartonFen) {
  public AgreedPrice {
    Product p = new Product(brand, spec);
    brand = p.brand();
    spec = p.spec();
    if (packFen <= 0) {
      FieldException.invalid("packFen", "must be positive");
    }
    if (cartonFen <= 0) {
      FieldException.invalid("cartonFen", "must be positive");
    }
  }

  public Product product() {
    return new Product(brand, spec);
  }

  /** The agreed price for {@code unit}. */
  public long fen(PackUnit unit) {
    return unit == PackUnit.PACK ? packFen : cartonFen;
  }
}
