package io.liaison.api.lead;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.util.List;

/**
 * A bureau's liaison directory as shared: its contacts, version and time. {@code PUT
 * /api/v1/directory} takes just {@code entries}; the node adds the rest and signs it.
 */
public record Directory(
    BureauId bureau, long version, Instant updatedAt, List<DirectoryEntry> entries) {
  public Directory {
    entries = entries == null ? List.of() : List.copyOf(entries);
    if (entries.size() > 100) {
      throw new FieldException("entries", "at most 100 contacts");
    }
  }

  /** The body of {@code PUT /api/v1/directory}. */
  public record Update(List<DirectoryEntry> entries) {
    public Update {
      FieldException.required(entries, "entries");
      entries = List.copyOf(entries);
      if (entries.size() > 100) {
        throw new FieldException("entries", "at most 100 contacts");
      }
    }
  }
}
