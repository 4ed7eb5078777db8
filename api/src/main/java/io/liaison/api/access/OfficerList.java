package io.liaison.api.access;

import java.util.List;

/** The officers of the node's bureau ({@code GET /api/v1/admin/officers}), no secrets. */
public record OfficerList(List<OfficerSummary> items) {
  public OfficerList {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
