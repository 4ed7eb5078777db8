package io.liaison.node.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.Meeting;
import java.util.Objects;

/**
 * One signed entry of a joint meeting on the grid map {@code liaison.meetings}, each key written by
 * one bureau only (so no two writers race): the host's minutes under {@code <id>}, a participant's
 * acknowledgement under {@code <id>/ack/<bureau>}, an item done by its owner under {@code
 * <id>/done/<n>}. Payload type {@value #TYPE}.
 */
public record MeetingEntry(
    String meetingId, Kind kind, BureauId bureau, String officer, Meeting meeting, Integer item) {
  public static final String TYPE = "meeting.entry";

  /** What an entry records. */
  public enum Kind {
    MINUTES,
    ACK,
    DONE
  }

  public MeetingEntry {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bureau, "bureau");
    Objects.requireNonNull(officer, "officer");
    if (!meetingId.matches("mtg-[0-9a-f-]{36}")) {
      throw new IllegalArgumentException("not a meeting id");
    }
    if (kind == Kind.MINUTES && (meeting == null || !meeting.host().equals(bureau))) {
      throw new IllegalArgumentException("the minutes are the host's");
    }
    if (kind == Kind.DONE && (item == null || item < 1)) {
      throw new IllegalArgumentException("a done entry names its item (from 1)");
    }
  }

  public String key() {
    return switch (kind) {
      case MINUTES -> meetingId;
      case ACK -> meetingId + "/ack/" + bureau.code();
      case DONE -> meetingId + "/done/" + item;
    };
  }

  public ObjectNode payload() {
    ObjectNode p = Json.mapper().valueToTree(this);
    p.put("type", TYPE);
    return p;
  }

  /** Reads a signed payload; IllegalArgumentException when it is not a valid entry. */
  public static MeetingEntry of(JsonNode payload) {
    if (!TYPE.equals(payload.path("type").asText())) {
      throw new IllegalArgumentException("not a " + TYPE);
    }
    ObjectNode p = payload.deepCopy();
    p.remove("type");
    try {
      return Json.mapper().treeToValue(p, MeetingEntry.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed meeting entry: " + e.getOriginalMessage());
    }
  }
}
