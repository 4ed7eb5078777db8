package io.liaison.client;

import java.util.Objects;

/**
 * One event of a server-sent-events stream. {@code id} is the event's id (the value to resume from
 * with {@code Last-Event-ID}), or null when the event carried none; {@code event} is its type
 * ({@code message} when the server named none); {@code data} its payload (JSON for Liaison).
 */
public record ServerSentEvent(String id, String event, String data) {
  public static final String DEFAULT_TYPE = "message";

  public ServerSentEvent {
    event = event == null || event.isEmpty() ? DEFAULT_TYPE : event;
    Objects.requireNonNull(data, "data");
  }
}
