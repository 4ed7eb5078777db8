package io.liaison.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Splits a record body (a JSON array of envelopes) into one JSON line per envelope. */
final class ExportLines {
  private ExportLines() {}

  static List<String> envelopes(String body) {
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode env : Json.mapper().readTree(body)) {
        out.add(Json.mapper().writeValueAsString(env));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
