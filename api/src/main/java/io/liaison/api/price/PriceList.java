package io.liaison.api.price;

import java.util.List;

/** A list answer of the price API ({@code items}), so that fields can be added later. */
public record PriceList<T>(List<T> items) {
  public PriceList {
    items = List.copyOf(items);
  }
}
