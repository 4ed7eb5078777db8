package io.liaison.api.report;

import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;

/** A major case (大要案, case value at least 5万元), as the report lists it. */
public record MajorCase(
    String caseNumber,
    CaseCategory category,
    LocalDate filedOn,
    long valueFen,
    long sticks,
    Disposition disposition) {}
