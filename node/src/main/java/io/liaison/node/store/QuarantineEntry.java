package io.liaison.node.store;

import java.time.Instant;

/** A record that failed verification: kept aside, never served as valid. */
public record QuarantineEntry(
    long id, String recordKey, String reason, String detail, Instant at) {}
