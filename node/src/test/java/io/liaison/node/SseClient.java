package io.liaison.node;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent-events stream in the background and collects its events. */
public final class SseClient implements AutoCloseable {
  /** One event: its id, type and data line. */
  public record Event(long id, String type, String data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile boolean connected;

  public SseClient(String url, Long lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    String base = url.replaceFirst("(https?://[^/]+).*", "$1");
    if (Http.token(base) != null) {
      b.header("Authorization", "Bearer " + Http.token(base));
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    response = Http.client().sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(
        r -> {
          connected = true;
          long id = -1;
          String type = null;
          StringBuilder data = new StringBuilder();
          for (String line : (Iterable<String>) r.body()::iterator) {
            if (line.isEmpty()) {
              if (type != null) {
                events.add(new Event(id, type, data.toString()));
              }
              type = null;
              data.setLength(0);
            } else if (line.startsWith("id: ")) {
              id = Long.parseLong(line.substring(4));
            } else if (line.startsWith("event: ")) {
              type = line.substring(7);
            } else if (line.startsWith("data: ")) {
              data.append(line.substring(6));
            }
          }
        });
    Await.until(Duration.ofSeconds(10), () -> connected, "SSE connection to " + url);
  }

  public List<Event> events() {
    return new ArrayList<>(events);
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
