package io.liaison.api.price;

import java.time.LocalDate;
import java.util.List;

/**
 * Compliance over the observations of [{@code from}, {@code to}] (days in Asia/Shanghai), grouped
 * by {@code by}; {@code total} over all of them. Items with no agreement to judge against are
 * counted in {@code unjudged} only.
 */
public record ComplianceFigures(
    Dimension by,
    LocalDate from,
    LocalDate to,
    List<ComplianceRow> rows,
    ComplianceRow total,
    long unjudged) {}
