package io.liaison.api.action;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A joint meeting (联席会议) as its host bureau records it: who took part (bureaus, and partner
 * agencies such as public security or market regulation), the agenda, the minutes, the decisions
 * and the action items, each with an owner bureau and a due date. Signed by the host; each
 * participating bureau acknowledges it; each item stays in its owner's inbox until done.
 *
 * @param scheduled true for the regular (half-yearly) meeting, false for an ad hoc one
 */
public record Meeting(
    String title,
    boolean scheduled,
    Instant heldAt,
    String place,
    BureauId host,
    List<BureauId> bureaus,
    List<String> agencies,
    List<String> agenda,
    String minutes,
    List<String> decisions,
    List<Item> items) {
  public Meeting {
    title = FieldException.text(title, "title", 200);
    FieldException.required(heldAt, "heldAt");
    place = FieldException.optionalText(place, "place", 200);
    FieldException.required(host, "host");
    bureaus = bureaus == null ? List.of() : List.copyOf(new LinkedHashSet<>(bureaus));
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    agenda = agenda == null ? List.of() : List.copyOf(agenda);
    minutes = FieldException.text(minutes, "minutes", 20_000);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    items = items == null ? List.of() : List.copyOf(items);
    if (!bureaus.contains(host)) {
      throw new FieldException("bureaus", "the host bureau takes part");
    }
    if (bureaus.size() < 2) {
      throw new FieldException("bureaus", "a joint meeting has two or more bureaus");
    }
    if (items.size() > 100 || decisions.size() > 100 || agenda.size() > 100) {
      throw new FieldException("items", "at most 100 agenda points, decisions and items");
    }
    for (Item i : items) {
      if (!bureaus.contains(i.owner())) {
        throw new FieldException("items", "an item's owner takes part: " + i.owner());
      }
    }
  }

  /** An action item: what, which bureau, by when. */
  public record Item(String task, BureauId owner, LocalDate due) {
    public Item {
      task = FieldException.text(task, "task", 1000);
      FieldException.required(owner, "owner");
      FieldException.required(due, "due");
    }
  }
}
