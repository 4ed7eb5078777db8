package io.liaison.api.forms;

import io.liaison.api.BureauId;
import java.time.Instant;

/**
 * A form as kept: its id, the bureau that signed it, when, the content and the proof.
 *
 * @param id {@code form-<bureau>-<kind>-<random>}
 * @param bureau the bureau that filled it in
 * @param signedAt when it was signed
 * @param form what was filled in
 * @param keyId the signing key
 * @param hash the envelope's hash
 */
public record FormView(
    String id, BureauId bureau, Instant signedAt, FormDraft form, String keyId, String hash) {}
