package io.liaison.api.action;

import io.liaison.api.BureauId;
import io.liaison.api.lead.DirectoryEntry;
import java.time.Instant;
import java.util.List;

/**
 * A deconfliction alert as this bureau sees it: its plan collides with another bureau's plan or
 * open record, and whom to call there. It never says what the other bureau holds.
 *
 * @param planId this bureau's plan (or, for an open record of this bureau, the other bureau's plan)
 * @param other the other plan's id, or the id of this bureau's own open lead or case
 * @param otherBureau the bureau to call
 * @param contacts its liaison directory at the time of the alert
 */
public record Conflict(
    String id,
    ConflictKind kind,
    String planId,
    String other,
    BureauId otherBureau,
    List<DirectoryEntry> contacts,
    Instant at) {
  public Conflict {
    contacts = List.copyOf(contacts);
  }
}
