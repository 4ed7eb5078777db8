package io.liaison.api.report;

import io.liaison.api.cases.CaseCategory;

/**
 * One row of cases by kind: count, seized sticks (1 万支 = 10,000 sticks = 1 件), case value in fen (1
 * 万元 = 1,000,000 fen). {@code category} is null for the total row.
 */
public record CategoryRow(CaseCategory category, long cases, long sticks, long valueFen) {}
