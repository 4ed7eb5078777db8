package io.liaison.api.cases;

import io.liaison.api.BureauId;

/**
 * The data of events {@code case.shared} and {@code case.updated}: which shared case (its record
 * id, case number and bureau), at which version, its category and disposition. The narrative and
 * the parties stay in the record; read it for them.
 */
public record CaseEvent(
    String id,
    CaseNumber caseNumber,
    BureauId bureau,
    long version,
    CaseCategory category,
    Disposition disposition) {}
