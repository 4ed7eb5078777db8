package io.liaison.search;

/**
 * State of a {@link CaseIndex} found on open. Anything but {@code OPENED} needs a {@link
 * CaseIndex#rebuild}.
 */
public enum IndexStatus {
  /** An existing, complete index of the current schema. */
  OPENED,
  /** No index existed; an empty one was created. */
  CREATED,
  /** The index had another schema version and was replaced by an empty one. */
  REPLACED_STALE,
  /** A rebuild was started but never finished (or failed). */
  INCOMPLETE;

  public boolean needsRebuild() {
    return this != OPENED;
  }
}
