package io.liaison.api.price;

import io.liaison.api.FieldException;

/** A brand and specification as bureaus write it: 中华 + 硬 is {@code 中华(硬)}. */
public record Product(String brand, String spec) implements Comparable<Product> {
  public Product {
    brand = FieldException.text(brand, "brand", 40);
    spec = FieldException.optionalText(spec, "spec", 60);
  }

  /** {@code 中华(硬)}, or the brand alone. */
  public String label() {
    return spec == null ? brand : brand + "(" + spec + ")";
  }

  /**
   * Reads {@code 中华(硬)} / {@code 中华（硬）} / {@code 中华}: the text before the first bracket is the
   * brand, what is inside the spec.
   */
  public static Product parse(String label, String field) {
    String t = FieldException.text(label, field, 100).replace('（', '(').replace('）', ')');
    int open = t.indexOf('(');
    if (open < 0) {
      return new Product(t, null);
    }
    if (!t.endsWith(")") || open == 0) {
      FieldException.invalid(field, "brand and spec are written 中华(硬): " + label);
    }
    return new Product(t.substring(0, open), t.substring(open + 1, t.length() - 1));
  }

  @Override
  public int compareTo(Product o) {
    return label().compareTo(o.label());
  }
}
