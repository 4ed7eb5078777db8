package io.liaison.api.area;

import java.util.List;

/** A page of area touches, newest first; {@code next} is the cursor of the next page, or null. */
public record AreaTouchPage(List<AreaTouch> items, String next) {
  public AreaTouchPage {
    items = List.copyOf(items);
  }
}
