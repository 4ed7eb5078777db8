package io.liaison.api.report;

import io.liaison.api.BureauId;

/**
 * The data of the report events ({@code report.issued}, {@code report.acknowledged}): which report,
 * who signed the envelope and its hash.
 */
public record ReportEvent(String id, BureauId signer, String hash) {}
