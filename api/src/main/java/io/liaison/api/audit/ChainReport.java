package io.liaison.api.audit;

import io.liaison.api.BureauId;
import java.util.Objects;

/**
 * What {@code GET /api/v1/audit/chains/{bureau}} reports of a bureau's audit chain on the grid:
 * whether it is intact, the first problem found ({@code status}, one of {@code INTACT}, {@code
 * EMPTY}, {@code GAP}, {@code REORDERED}, {@code EDITED}, {@code FOREIGN_SIGNER}, {@code
 * UNTRUSTED_KEY}, {@code NO_SEQ}), how many entries it holds and the last intact one; where the
 * problem is and what it is only when it is not intact; and a sentence for people.
 */
public record ChainReport(
    BureauId bureau,
    boolean intact,
    String status,
    int entries,
    long headSeq,
    Integer position,
    String detail,
    String summary) {
  public ChainReport {
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(status, "status");
    if (intact) {
      position = null;
      detail = null;
    }
  }
}
