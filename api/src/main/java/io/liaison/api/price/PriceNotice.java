package io.liaison.api.price;

import io.liaison.api.BureauId;

/**
 * What the event stream tells a bureau about price checks: a non-compliant finding at one of its
 * retailers ({@code price.finding}), or a flagged cross-border gap it is one side of ({@code
 * price.gap}).
 */
public record PriceNotice(
    String checkId, BureauId checkingBureau, BureauId checkedBureau, Evaluation finding) {}
