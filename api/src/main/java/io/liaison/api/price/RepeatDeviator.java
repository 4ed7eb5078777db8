package io.liaison.api.price;

import io.liaison.api.BureauId;
import java.time.Instant;

/** A retailer found deviating on more than one visit (屡查屡犯). */
public record RepeatDeviator(
    String licence,
    String name,
    BureauId bureau,
    String groupId,
    long visits,
    long deviatingVisits,
    Instant lastDeviation) {}
