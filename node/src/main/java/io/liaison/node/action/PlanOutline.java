package io.liaison.node.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * What every member may read of a plan version: who leads, who takes part, the kind, the area and
 * the time window, plus the deconfliction marks — salted hashes of the normalised targets and
 * places ({@link Marks}), which let a node find an overlap without reading the other plan.
 */
public record PlanOutline(
    PlanKind kind,
    BureauId leadBureau,
    List<BureauId> participants,
    List<String> area,
    TimeWindow window,
    List<String> targetMarks,
    List<String> placeMarks) {
  public PlanOutline {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(leadBureau, "leadBureau");
    participants = List.copyOf(participants);
    area = area == null ? List.of() : List.copyOf(area);
    targetMarks = targetMarks == null ? List.of() : List.copyOf(targetMarks);
    placeMarks = placeMarks == null ? List.of() : List.copyOf(placeMarks);
    if (participants.isEmpty() || !participants.get(0).equals(leadBureau)) {
      throw new IllegalArgumentException("the lead bureau is the first participant");
    }
    if (participants.stream().distinct().count() != participants.size()) {
      throw new IllegalArgumentException("a bureau takes part once");
    }
  }
}
