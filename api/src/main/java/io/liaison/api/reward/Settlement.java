package io.liaison.api.reward;

import java.time.Instant;

/**
 * A signed settlement entry as a node holds it.
 *
 * @param id {@code settlement-<payer>-<n>}, n counting the payer's entries from 1
 * @param entry what was paid (signed by the payer's node, {@code entry.officer()} the chief)
 * @param signedAt when it was signed
 * @param envelopeHash the signed envelope's hash; the payer's next entry chains to it
 */
public record Settlement(String id, SettlementDraft entry, Instant signedAt, String envelopeHash) {}
