package io.liaison.api.action;

import java.util.List;

/**
 * What a plan still lacks before it can be proposed; {@code ready} when nothing.
 *
 * @param missing one item per gap: a stable code and a Chinese explanation
 */
public record Checklist(boolean ready, List<Item> missing) {
  public Checklist {
    missing = List.copyOf(missing);
  }

  public record Item(String code, String field, String message) {}
}
