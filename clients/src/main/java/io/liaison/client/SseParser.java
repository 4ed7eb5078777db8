package io.liaison.client;

import java.util.Optional;

/**
 * The line-by-line event-stream interpretation of the WHATWG HTML specification (9.2.6): fields
 * {@code data}, {@code event}, {@code id}, {@code retry}; comments start with a colon; a blank line
 * dispatches the event being built; multi-line data is joined with newlines. Feed it lines without
 * their terminators (CR, LF or CRLF).
 */
final class SseParser {
  private final StringBuilder data = new StringBuilder();
  private String type = "";
  private String lastEventId;
  private Long retryMillis;
  private boolean hasData;

  /**
   * @param lastEventId the id the stream resumes from, kept until the stream names a new one
   */
  SseParser(String lastEventId) {
    this.lastEventId = lastEventId;
  }

  /** Takes one line; returns the event that a blank line completes. */
  Optional<ServerSentEvent> line(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.charAt(0) == ':') {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "data" -> {
        data.append(value).append('\n');
        hasData = true;
      }
      case "event" -> type = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value.isEmpty() ? null : value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMillis = value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value);
        }
      }
      default -> {
        // unknown fields are ignored
      }
    }
    return Optional.empty();
  }

  private Optional<ServerSentEvent> dispatch() {
    if (!hasData) {
      type = "";
      return Optional.empty();
    }
    data.setLength(data.length() - 1);
    ServerSentEvent e = new ServerSentEvent(lastEventId, type, data.toString());
    data.setLength(0);
    type = "";
    hasData = false;
    return Optional.of(e);
  }

  /** The last id the stream named (or the one it resumed from): where to resume after a break. */
  String lastEventId() {
    return lastEventId;
  }

  /** The reconnection delay the server asked for, if it did. */
  Optional<Long> retryMillis() {
    return Optional.ofNullable(retryMillis);
  }
}
