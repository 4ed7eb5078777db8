package io.liaison.api.major;

import java.util.List;

/** Major-case notices on leads this node holds, newest first. */
public record MajorLeadPage(List<MajorLeadNotice> items) {
  public MajorLeadPage {
    items = List.copyOf(items);
  }
}
