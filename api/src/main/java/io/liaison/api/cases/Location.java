package io.liaison.api.cases;

import io.liaison.api.FieldException;
import java.util.regex.Pattern;

/**
 * Where a case happened: the county's six-digit division code (which may be outside the member
 * bureaus), the town (乡镇, optional), the address as written, and optional WGS-84 coordinates (both
 * or neither).
 */
public record Location(String countyCode, String town, String address, Double lat, Double lon) {
  private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

  public Location {
    FieldException.required(countyCode, "countyCode");
    if (!SIX_DIGITS.matcher(countyCode).matches()) {
      throw new FieldException("countyCode", "must be a six-digit division code");
    }
    town = FieldException.optionalText(town, "town", 40);
    address = FieldException.text(address, "address", 200);
    if ((lat == null) != (lon == null)) {
      throw new FieldException(lat == null ? "lat" : "lon", "give both coordinates or neither");
    }
    if (lat != null && (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))) {
      throw new FieldException("lat", "coordinates out of range");
    }
  }

  /** A location without coordinates. */
  public static Location of(String countyCode, String town, String address) {
    return new Location(countyCode, town, address, null, null);
  }
}
