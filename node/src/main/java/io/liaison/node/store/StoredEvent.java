package io.liaison.node.store;

import java.time.Instant;

/**
 * One entry of the node-local event feed. {@code audience} is the bureau the event is for, or null
 * for everyone on this node.
 */
public record StoredEvent(
    long seq, String type, String recordId, String audience, Instant at, String data) {}
