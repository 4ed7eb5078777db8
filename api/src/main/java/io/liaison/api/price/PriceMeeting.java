package io.liaison.api.price;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.LocalDate;
import java.util.List;

/**
 * A visit to a neighbour's groups (观摩) or a joint meeting of groups (小组联席会), recorded and signed by
 * the bureau that records it.
 *
 * @param id assigned by the node ({@code null} in a request)
 * @param groups the groups visited or meeting
 * @param bureaus the bureaus taking part
 * @param participants who took part (marketing staff, group representatives)
 */
public record PriceMeeting(
    String id,
    BureauId bureau,
    Kind kind,
    LocalDate on,
    String place,
    List<BureauId> bureaus,
    List<String> groups,
    List<String> participants,
    String notes) {
  public enum Kind {
    /** 观摩: marketing staff and group representatives visit a neighbour's groups. */
    VISIT,
    /** 小组联席会: a joint meeting of the groups of both sides. */
    JOINT_MEETING
  }

  public PriceMeeting {
    id = FieldException.optionalText(id, "id", 64);
    FieldException.required(bureau, "bureau");
    FieldException.required(kind, "kind");
    FieldException.required(on, "on");
    place = FieldException.text(place, "place", 200);
    bureaus = Lists.copy(bureaus, "bureaus", 20);
    groups = Lists.copy(groups, "groups", 200);
    participants = Lists.copy(participants, "participants", 200);
    participants =
        participants.stream().map(p -> FieldException.text(p, "participants", 80)).toList();
    if (participants.isEmpty()) {
      FieldException.invalid("participants", "name who took part");
    }
    notes = FieldException.text(notes, "notes", 10_000);
  }

  public PriceMeeting withId(String newId, BureauId own) {
    return new PriceMeeting(newId, own, kind, on, place, bureaus, groups, participants, notes);
  }
}
