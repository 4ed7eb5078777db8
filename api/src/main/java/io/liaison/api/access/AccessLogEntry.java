package io.liaison.api.access;

import java.time.Instant;

/**
 * One request as the node's access log keeps it: who (null before sign-in), from which address,
 * what ({@code method}, {@code path} and the policy's action, e.g. {@code LEAD_WRITE}), when and
 * with which outcome (HTTP status).
 */
public record AccessLogEntry(
    long id,
    Instant at,
    String officer,
    String address,
    String method,
    String path,
    int status,
    String action) {}
