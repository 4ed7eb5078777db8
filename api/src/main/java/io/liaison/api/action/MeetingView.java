package io.liaison.api.action;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A joint meeting with who has acknowledged it and where each action item stands.
 *
 * @param awaiting participating bureaus that have not acknowledged the minutes
 */
public record MeetingView(
    String id,
    String officer,
    Meeting meeting,
    List<Ack> acknowledged,
    List<BureauId> awaiting,
    List<ItemView> items,
    String hash) {
  public MeetingView {
    acknowledged = List.copyOf(acknowledged);
    awaiting = List.copyOf(awaiting);
    items = List.copyOf(items);
  }

  public record Ack(BureauId bureau, String officer, Instant at) {}

  /** An action item; {@code number} from 1 in the minutes' order. */
  public record ItemView(
      String meetingId,
      int number,
      Meeting.Item item,
      boolean done,
      String doneBy,
      Instant doneAt) {}
}
