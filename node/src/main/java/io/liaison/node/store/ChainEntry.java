package io.liaison.node.store;

/**
 * One entry of this bureau's audit chain: sequence number, the entry's own hash, its signed
 * envelope JSON, and the hash of the record envelope it accounts for.
 */
public record ChainEntry(long seq, String hash, String envelope, String recorded) {}
