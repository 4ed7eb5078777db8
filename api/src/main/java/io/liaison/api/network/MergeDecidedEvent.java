package io.liaison.api.network;

import io.liaison.api.BureauId;

/**
 * The data of event {@code merge.decided}: a bureau's decision on a proposal was stored, on the
 * nodes of the bureaus involved.
 */
public record MergeDecidedEvent(
    String proposalId, BureauId bureau, Verdict decision, String officer) {}
