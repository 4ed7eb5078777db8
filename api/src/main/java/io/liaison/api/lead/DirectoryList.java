package io.liaison.api.lead;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/directory}: every bureau's liaison directory this node holds.
 */
public record DirectoryList(List<Directory> items) {
  public DirectoryList {
    items = List.copyOf(items);
  }
}
