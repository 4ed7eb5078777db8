package io.liaison.node.cases;

import io.liaison.api.cases.CaseRecord;
import io.liaison.crypto.Hashes;
import io.liaison.node.store.Store;
import io.liaison.node.trust.TrustService;
import java.time.Instant;

/** Shared cases for the benchmarks, signed and stored as a node's {@code CaseService} would. */
public final class BenchCases {
  private BenchCases() {}

  /** Version 1 of {@code c}, shared by {@code owner} at {@code at}: the grid value. */
  public static SharedCase shared(TrustService owner, CaseRecord c, Instant at) {
    return SharedCase.first(owner.sign(SharedCase.payload(c), Hashes.GENESIS, at));
  }

  /** Writes the record as a node's intake stores a verified case (no feed, no index). */
  public static void store(Store s, SharedCase rec) {
    s.putRecord(rec.stored());
  }
}
