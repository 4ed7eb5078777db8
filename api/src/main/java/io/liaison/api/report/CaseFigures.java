package io.liaison.api.report;

import java.util.List;

/**
 * A bureau's cases filed (立案) in the period: by kind and in total; the major cases (案值 ≥ 5万元,
 * highest value first); transfers to the police and to market regulation; the transfer rate's
 * numerator and denominator (of the disposed cases at or above the criminal threshold of 5万元, how
 * many went to the police: 移送率, 无以罚代刑); persons detained and sentenced; fines imposed and money
 * paid to the treasury, in fen. Rates are left to the reader (no rounding in what is signed).
 */
public record CaseFigures(
    List<CategoryRow> byCategory,
    CategoryRow total,
    List<MajorCase> majorCases,
    long transferredToPolice,
    long transferredToMarketRegulation,
    long thresholdCasesDisposed,
    long thresholdCasesTransferred,
    long pending,
    long detainedPersons,
    long sentencedPersons,
    long fineFen,
    long treasuryFen) {
  public CaseFigures {
    byCategory = List.copyOf(byCategory);
    majorCases = List.copyOf(majorCases);
  }
}
