package io.liaison.api.cases;

import java.util.function.LongFunction;

/**
 * Deterministic sets of generated cases for demonstrations and tests, found at run time through
 * {@link java.util.ServiceLoader}. The production jars provide none; the fixtures module ({@code
 * liaison-fixtures}: on the class path of {@code ops/demo}'s nodes, the tests and the benchmarks)
 * does. A node without one answers its demo seeding route {@code 404}.
 */
public interface GeneratedCases {
  /** The set {@code (seed, count)}: case {@code i} ({@code 0..count-1}) at its latest version. */
  LongFunction<CaseRecord> set(long seed, long count);
}
