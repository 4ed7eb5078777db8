package io.liaison.api.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/leads/{id}/superseded}: the signed envelopes of the lead that
 * lost a conflict after a split, as they were signed (kept, never erased), oldest first.
 */
public record SupersededList(List<JsonNode> items) {
  public SupersededList {
    items = List.copyOf(items);
  }
}
