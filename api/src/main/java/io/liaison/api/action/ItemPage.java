package io.liaison.api.action;

import java.util.List;

/** This bureau's open action items from joint meetings, soonest due first. */
public record ItemPage(int total, List<MeetingView.ItemView> items) {
  public ItemPage {
    items = List.copyOf(items);
  }
}
