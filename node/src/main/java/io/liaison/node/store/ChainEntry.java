package io.liaison.node.store;

/** One entry of this bureau's audit chain: sequence number, envelope hash, envelope JSON. */
public record ChainEntry(long seq, String hash, String envelope) {}
