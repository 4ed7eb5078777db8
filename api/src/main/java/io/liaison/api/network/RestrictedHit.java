package io.liaison.api.network;

import io.liaison.api.BureauId;
import java.time.Instant;

/**
 * A hit on restricted material (hit/no-hit): record {@code recordId} of {@code recordBureau} links
 * to the restricted lead {@code sealedRecordId} of {@code owner}, which {@code recordBureau} may
 * not read. A pointer and whom to contact ({@code contact}), never content or evidence; found and
 * signed by {@code foundBy}'s node at {@code foundAt}.
 */
public record RestrictedHit(
    String sealedRecordId,
    BureauId owner,
    String contact,
    String recordId,
    BureauId recordBureau,
    BureauId foundBy,
    Instant foundAt) {}
