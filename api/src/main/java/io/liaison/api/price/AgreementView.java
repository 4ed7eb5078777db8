package io.liaison.api.price;

import java.util.List;

/**
 * A group's price agreement: every version (oldest first) and the one in force on the day asked
 * ({@code null} if none is in force yet).
 */
public record AgreementView(
    String groupId, List<PriceAgreement> versions, PriceAgreement inForce, CheckView.Proof proof) {}
