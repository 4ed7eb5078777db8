package io.liaison.api.admin;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/quarantine}: how many records this node keeps aside, and
 * the latest of them up to the limit asked.
 */
public record QuarantinePage(long total, List<QuarantineEntry> items) {
  public QuarantinePage {
    items = List.copyOf(items);
  }
}
