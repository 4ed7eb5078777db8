package io.liaison.search;

import java.time.Duration;

/**
 * Tuning of a {@link CaseIndex}. {@code refreshInterval}: how stale a search may be; {@code
 * commitInterval}: how much a crash may make the node replay; {@code ramBufferMb}: the writer's
 * buffer; {@code indexThreads}: threads of a rebuild.
 */
public record IndexOptions(
    Duration refreshInterval, Duration commitInterval, double ramBufferMb, int indexThreads) {
  public IndexOptions {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refreshInterval must be positive");
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commitInterval must be positive");
    }
    if (ramBufferMb < 1 || indexThreads < 1) {
      throw new IllegalArgumentException("ramBufferMb and indexThreads must be at least 1");
    }
  }

  /** 250 ms refresh, 60 s commit, 128 MB buffer, one rebuild thread per core. */
  public static IndexOptions defaults() {
    return new IndexOptions(
        Duration.ofMillis(250),
        Duration.ofSeconds(60),
        128,
        Runtime.getRuntime().availableProcessors());
  }
}
