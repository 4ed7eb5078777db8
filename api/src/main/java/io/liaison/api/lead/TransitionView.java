package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;

/** One signed transition in a lead's history, with its proof. */
public record TransitionView(
    LeadEvent event,
    BureauId bureau,
    String officer,
    Instant at,
    String note,
    BureauId to,
    String feedback,
    Outcome outcome,
    String caseNumber,
    String mergedInto,
    String keyId,
    String hash) {}
