package io.liaison.api.price;

/**
 * The data of event {@code price.changed}: a price record (agreement, list, group, meeting, …) of
 * {@code bureau} was stored or updated; its key, its type and how many signed versions it has.
 */
public record PriceChange(String key, String type, String bureau, int version) {}
