package io.liaison.api.lead;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bureau invited to co-handle a lead (协办) by the bureau that leads it (主办), and its part: the
 * task it was asked to take on, its signed decision, and the feedback it gave itself (kept apart
 * from the lead bureau's, each item attributed).
 */
public record CoHandler(
    BureauId bureau,
    State state,
    String task,
    BureauId invitedBy,
    String invitedByOfficer,
    Instant invitedAt,
    String decidedBy,
    Instant decidedAt,
    String declineReason,
    List<LeadStatus.Feedback> feedback) {
  public CoHandler {
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(state, "state");
    feedback = feedback == null ? List.of() : List.copyOf(feedback);
  }

  /** Where an invitation stands. */
  public enum State {
    INVITED("待接受"),
    ACCEPTED("协办中"),
    DECLINED("已拒绝");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
