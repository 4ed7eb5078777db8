package io.liaison.search.link;

import io.liaison.search.SearchDocument;
import java.util.Objects;

/** A readable record to link and who may read it. */
public record LinkRecord(SearchDocument document, Audience audience) {
  public LinkRecord {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(audience, "audience");
  }

  /** A record every bureau may read. */
  public static LinkRecord open(SearchDocument document) {
    return new LinkRecord(document, Audience.everyone());
  }
}
