package io.liaison.api.admin;

/**
 * The answer of {@code POST /api/v1/admin/roster} (202): the version of the roster now published to
 * the cluster and how many member bureaus it has.
 */
public record RosterPublished(long version, int members) {}
