package io.liaison.api.report;

import io.liaison.api.FieldException;

/**
 * {@code POST /api/v1/reports}: issue (sign and share) this bureau's briefing for {@code period}
 * ({@code 2026Q2}, {@code 2026H1}, {@code 2026-04}, {@code a..b}) with its text on market movements
 * (市场动向).
 */
public record IssueRequest(String period, String officer, String marketNotes) {
  public IssueRequest {
    period = FieldException.text(period, "period", 40);
    officer = FieldException.text(officer, "officer", 64);
    marketNotes = FieldException.optionalText(marketNotes, "marketNotes", Briefing.MAX_NOTES);
  }
}
