package io.liaison.api.price;

import io.liaison.api.FieldException;
import java.util.List;

/** Copying list fields of the price records: null is empty, no null entries, a maximum size. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list, String field, int max) {
    if (list == null) {
      return List.of();
    }
    if (list.size() > max) {
      FieldException.invalid(field, "at most " + max + " entries");
    }
    for (T t : list) {
      if (t == null) {
        FieldException.invalid(field, "must not contain null");
      }
    }
    return List.copyOf(list);
  }
}
