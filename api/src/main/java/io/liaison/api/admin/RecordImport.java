package io.liaison.api.admin;

import java.util.List;

/**
 * What {@code POST /api/v1/admin/import/leads} took in: the non-blank lines read, the records
 * stored or updated ({@code taken}) and those already held or quarantined ({@code unchanged}), the
 * lines refused before verification ({@code rejected}), and a note on where refused records go.
 */
public record RecordImport(
    int lines, long taken, long unchanged, List<Rejected> rejected, String note) {
  public RecordImport {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }

  /** A line (counted from 1) that is not JSON or lacks {@code id}/{@code record}, and why. */
  public record Rejected(int line, String problem) {}
}
