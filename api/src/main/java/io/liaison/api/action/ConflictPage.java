package io.liaison.api.action;

import java.util.List;

/** Deconfliction alerts of this bureau, newest first. */
public record ConflictPage(int total, List<Conflict> conflicts) {
  public ConflictPage {
    conflicts = List.copyOf(conflicts);
  }
}
