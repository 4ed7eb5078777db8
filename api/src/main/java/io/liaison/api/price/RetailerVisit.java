package io.liaison.api.price;

import io.liaison.api.FieldException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the checking officers saw at one retailer: when, where, the items with their marked and
 * charged prices, photos (by SHA-256 of the uploaded file) and remarks.
 */
public record RetailerVisit(
    String licence,
    Instant at,
    String location,
    List<ObservedItem> items,
    List<String> photoHashes,
    String remarks) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public RetailerVisit {
    licence = Retailer.licence(licence, "licence");
    FieldException.required(at, "at");
    location = FieldException.optionalText(location, "location", 200);
    items = Lists.copy(items, "items", 200);
    if (items.isEmpty()) {
      FieldException.invalid("items", "a visit records at least one item");
    }
    photoHashes = Lists.copy(photoHashes, "photoHashes", 50);
    for (String h : photoHashes) {
      if (!SHA256.matcher(h).matches()) {
        FieldException.invalid("photoHashes", "a photo is named by its SHA-256 (64 hex digits)");
      }
    }
    remarks = FieldException.optionalText(remarks, "remarks", 2_000);
  }
}
