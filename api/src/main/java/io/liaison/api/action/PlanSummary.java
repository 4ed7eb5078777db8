package io.liaison.api.action;

import io.liaison.api.FieldException;
import java.util.List;

/** The summary of an operation: text, photos and video by SHA-256 hash, lessons learned. */
public record PlanSummary(String text, List<String> media, String lessons) {
  public PlanSummary {
    text = FieldException.text(text, "text", 20_000);
    media = media == null ? List.of() : List.copyOf(media);
    for (String h : media) {
      if (h == null || !h.matches("[0-9a-f]{64}")) {
        throw new FieldException("media", "media are SHA-256 hashes (64 hex digits)");
      }
    }
    lessons = FieldException.optionalText(lessons, "lessons", 4000);
  }
}
