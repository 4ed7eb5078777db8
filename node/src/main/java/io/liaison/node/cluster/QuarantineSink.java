package io.liaison.node.cluster;

import io.vertx.core.Future;

/**
 * Where the grid's reconciler puts a value that is not a record at all (another type, oversized):
 * the node's quarantine ({@code trust.Quarantine} implements it). An interface here so that the
 * cluster package does not depend on the trust package.
 */
@FunctionalInterface
public interface QuarantineSink {
  /** Keeps {@code body} (or what is bounded of it) seen under {@code recordKey} aside. */
  Future<Void> add(String recordKey, String reason, String detail, String body);
}
