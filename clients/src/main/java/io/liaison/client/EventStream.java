package io.liaison.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One open connection to a node's event stream ({@code GET /api/v1/events}). {@link #next()} blocks
 * until the next event arrives and returns empty when the node ends the stream. Close it to
 * disconnect. Not thread-safe: read it from one thread.
 */
public final class EventStream implements AutoCloseable {
  private final URI node;
  private final InputStream body;
  private final BufferedReader reader;
  private final SseParser parser;

  EventStream(URI node, InputStream body, String resumedFrom) {
    this.node = node;
    this.body = body;
    this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    this.parser = new SseParser(resumedFrom);
  }

  /**
   * The next event, or empty at the end of the stream.
   *
   * @throws NodeUnreachableException when the connection breaks
   */
  public Optional<ServerSentEvent> next() {
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        Optional<ServerSentEvent> e = parser.line(line);
        if (e.isPresent()) {
          return e;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new NodeUnreachableException(node, e);
    }
  }

  /** The id to resume from after a break: the last one the stream named, or the one it began at. */
  public String lastEventId() {
    return parser.lastEventId();
  }

  /** The reconnection delay the node asked for ({@code retry:}), if it did. */
  public Optional<Long> retryMillis() {
    return parser.retryMillis();
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // the connection is being dropped either way
    }
  }
}
