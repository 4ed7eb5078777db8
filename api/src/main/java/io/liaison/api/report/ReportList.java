package io.liaison.api.report;

import java.util.List;

/** The reports a node holds for a period ({@code GET /api/v1/reports}). */
public record ReportList(List<ReportView> items) {
  public ReportList {
    items = List.copyOf(items);
  }
}
