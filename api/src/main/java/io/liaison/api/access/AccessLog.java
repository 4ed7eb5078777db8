package io.liaison.api.access;

import java.util.List;

/** One page of the node's access log ({@code GET /api/v1/admin/access-log}), oldest first. */
public record AccessLog(List<AccessLogEntry> items) {
  public AccessLog {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
