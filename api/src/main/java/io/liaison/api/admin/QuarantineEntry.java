package io.liaison.api.admin;

import java.time.Instant;

/**
 * A record that failed verification: kept aside (its SHA-256, its size in bytes and a bounded
 * prefix), never served as valid.
 */
public record QuarantineEntry(
    long id,
    String recordKey,
    String reason,
    String detail,
    Instant at,
    String sha256,
    Long size,
    String prefix) {}
