package io.liaison.api.lead;

import java.util.List;

/** One page of leads, newest first; pass {@code next} as {@code cursor} for the following page. */
public record LeadPage(List<LeadView> items, String next) {
  public LeadPage {
    items = List.copyOf(items);
  }
}
