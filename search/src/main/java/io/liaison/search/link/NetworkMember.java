package io.liaison.search.link;

import io.liaison.api.BureauId;
import io.liaison.search.SearchDocument;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A record as a member of a network: what a list or a graph node shows, never the narrative.
 *
 * @param category case category name, or null
 * @param title the record's title (a case number), or null
 */
public record NetworkMember(
    String id,
    SearchDocument.Kind kind,
    BureauId bureau,
    LocalDate date,
    String category,
    String title,
    long sticks,
    long valueFen) {
  public NetworkMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(date, "date");
  }
}
