package io.liaison.api.informant;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/** One bureau's officers' sealing keys, signed and versioned by the bureau. */
public record OfficerKeys(BureauId bureau, long version, Instant updatedAt, List<OfficerKey> keys) {
  public OfficerKeys {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** The answer of {@code GET /api/v1/informants/keys}: every bureau's keys this node holds. */
  public record Page(List<OfficerKeys> items) {
    public Page {
      items = List.copyOf(items);
    }
  }
}
