package io.liaison.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadState;
import io.liaison.client.ServerSentEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Feed events as one line each: time (Beijing), event id, what happened, the lead, the bureau that
 * acted and the lead's title. Reads the data as JSON leniently, so event types this client does not
 * know yet still print their id and time.
 */
final class EventFormat {
  private final BureauNames names;
  private final Clock clock;

  EventFormat(BureauNames names, Clock clock) {
    this.names = names;
    this.clock = clock;
  }

  String line(ServerSentEvent e) {
    JsonNode d = parse(e.data());
    JsonNode transition = d.path("transition");
    JsonNode lead = d.path("lead");
    Instant at = instant(transition.path("at"));
    if (at == null) {
      at = instant(d.path("postedAt"));
    }
    String leadId = first(d.path("id"), d.path("leadId"));
    String bureau = first(transition.path("bureau"), d.path("originBureau"));
    StringBuilder sb = new StringBuilder();
    sb.append(Times.show(at == null ? clock.instant() : at)).append("  ");
    sb.append(Text.pad("#" + (e.id() == null ? "-" : e.id()), 6)).append("  ");
    sb.append(Text.pad(Labels.event(e.event()), 10)).append("  ");
    sb.append(Text.pad(leadId == null ? "-" : leadId, 24)).append("  ");
    sb.append(Text.pad(bureau == null ? "-" : label(bureau), 13)).append("  ");
    if (lead.isObject()) {
      sb.append('[').append(category(lead.path("category").asText())).append("] ");
      sb.append(Text.oneLine(lead.path("title").asText()));
    } else if (d.path("sealed").asBoolean(false)) {
      sb.append(LeadFormat.SEALED);
    } else {
      if (d.hasNonNull("state")) {
        sb.append('[').append(state(d.path("state").asText())).append("] ");
      }
      sb.append(Text.oneLine(d.path("title").asText("")));
    }
    return sb.toString().stripTrailing();
  }

  /** The event as one JSON line: {@code {"id":…,"event":…,"data":…}}. */
  static String json(ServerSentEvent e) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", e.id());
    o.put("event", e.event());
    JsonNode d = parse(e.data());
    if (d.isMissingNode()) {
      o.put("data", e.data());
    } else {
      o.set("data", d);
    }
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static JsonNode parse(String data) {
    try {
      JsonNode n = Json.mapper().readTree(data);
      return n == null ? MissingNode.getInstance() : n;
    } catch (JsonProcessingException ex) {
      return MissingNode.getInstance();
    }
  }

  private String label(String bureau) {
    try {
      return names.label(BureauId.of(bureau));
    } catch (IllegalArgumentException ex) {
      return bureau;
    }
  }

  private static String first(JsonNode a, JsonNode b) {
    return a.isTextual() ? a.asText() : b.isTextual() ? b.asText() : null;
  }

  private static Instant instant(JsonNode n) {
    try {
      return n.isTextual() ? Instant.parse(n.asText()) : null;
    } catch (DateTimeParseException ex) {
      return null;
    }
  }

  private static String category(String c) {
    try {
      return Labels.category(LeadCategory.valueOf(c));
    } catch (IllegalArgumentException ex) {
      return c;
    }
  }

  private static String state(String s) {
    try {
      return LeadState.valueOf(s).label();
    } catch (IllegalArgumentException ex) {
      return s;
    }
  }
}
