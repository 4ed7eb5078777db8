package io.liaison.api.reward;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/rewards/credits?period=}: the cases filed in the period with the leads and
 * officers credited, and the measures per bureau and per officer. Computed from the shared records
 * this node holds; the same records give the same answer on any node.
 *
 * @param period the period's label ({@code 2026Q2}, …)
 * @param from first day (Asia/Shanghai)
 * @param to last day
 * @param majorThresholdFen the major-case value used (agreed in 协作约定, else 5万元)
 * @param credits one row per case and lead that produced it, by bureau and case number
 * @param bureaus one row per bureau credited, by bureau
 * @param officers one row per officer credited, by bureau and officer
 */
public record CreditReport(
    String period,
    LocalDate from,
    LocalDate to,
    long majorThresholdFen,
    List<CaseCredit> credits,
    List<Measures> bureaus,
    List<Measures> officers) {
  public CreditReport {
    credits = List.copyOf(credits);
    bureaus = List.copyOf(bureaus);
    officers = List.copyOf(officers);
  }
}
