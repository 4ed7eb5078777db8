package io.liaison.api.price;

import io.liaison.api.FieldException;
import java.util.regex.Pattern;

/**
 * A member retailer of a group, by its retail licence number (烟草专卖零售许可证号, twelve digits, the first
 * six the issuing county's division code).
 */
public record Retailer(String licence, String name, String address) {
  private static final Pattern LICENCE = Pattern.compile("[1-9][0-9]{11}");

  public Retailer {
    licence = licence(licence, "licence");
    name = FieldException.text(name, "name", 80);
    address = FieldException.optionalText(address, "address", 200);
  }

  /** A licence number, stripped; twelve digits or a {@link FieldException} naming {@code field}. */
  public static String licence(String value, String field) {
    String l = FieldException.text(value, field, 32);
    if (!LICENCE.matcher(l).matches()) {
      FieldException.invalid(field, "a retail licence number is twelve digits: " + l);
    }
    return l;
  }
}
