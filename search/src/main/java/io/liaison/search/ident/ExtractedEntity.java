package io.liaison.search.ident;

import java.util.Objects;

/**
 * An identifier found in free text: its type, the text as written ({@code raw}, which is {@code
 * text.substring(start, end)}), its canonical form, and whether it passed its check (see {@link
 * Identifier#valid()}).
 */
public record ExtractedEntity(
    IdentifierType type, String raw, String normalised, int start, int end, boolean valid) {
  public ExtractedEntity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(normalised, "normalised");
    if (start < 0 || end <= start || end - start != raw.length()) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** The canonical identifier. */
  public Identifier identifier() {
    return new Identifier(type, normalised, valid);
  }
}
