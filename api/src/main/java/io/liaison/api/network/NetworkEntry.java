package io.liaison.api.network;

/**
 * One cross-border network of {@code GET /api/v1/networks} and the id of its current merge proposal
 * (null when it has none).
 */
public record NetworkEntry(Network network, String proposalId) {}
