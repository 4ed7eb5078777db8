package io.liaison.api.informant;

import java.time.Instant;

/** The answer to an opening: the identity, to the chosen officer who opened it (audited). */
public record OpenedInformant(
    String leadId, String officer, Instant openedAt, Informant informant) {}
