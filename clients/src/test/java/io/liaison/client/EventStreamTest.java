package io.liaison.client;

import static io.liaison.client.RecordedNode.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.liaison.api.lead.LeadView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
  private final RecordedNode node = new RecordedNode();
  private final LiaisonClient client = LiaisonClient.create(node.uri());

  @AfterEach
  void stop() {
    node.close();
  }

  private static void stream(HttpExchange x, String body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    x.sendResponseHeaders(200, 0);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void resumesAfterTheGivenIdAndReadsTheRecordedStream() {
    node.on("GET", "/api/v1/events", (x, r) -> stream(x, recorded("events-after-10.txt")));

    List<ServerSentEvent> events = new ArrayList<>();
    try (EventStream s = client.openEvents("10")) {
      for (var e = s.next(); e.isPresent(); e = s.next()) {
        events.add(e.get());
      }
      assertThat(s.retryMillis()).contains(2000L);
      assertThat(s.lastEventId()).isEqualTo("14");
    }

    assertThat(node.last().header("Last-Event-ID")).isEqualTo("10");
    assertThat(node.last().header("Accept")).isEqualTo("text/event-stream");
    assertThat(events).extracting(ServerSentEvent::id).containsExactly("11", "12", "13", "14");
    assertThat(events).extracting(ServerSentEvent::event).containsOnly("lead.posted");
    LeadView first =
        Answers.read(200, events.get(0).data().getBytes(StandardCharsets.UTF_8), LeadView.class);
    assertThat(first.lead().title()).isNotBlank();
    assertThat(first.proof().verified()).isTrue();
  }

  @Test
  void withoutAnIdNoResumeHeaderIsSent() {
    node.on("GET", "/api/v1/events", (x, r) -> stream(x, "retry: 2000\n\n"));

    try (EventStream s = client.openEvents(null)) {
      assertThat(s.next()).isEmpty();
    }

    assertThat(node.last().header("Last-Event-ID")).isNull();
  }

  @Test
  void followReconnectsFromTheLastEventSeen() {
    String recorded = recorded("events-after-10.txt");
    String[] ev = recorded.substring(recorded.indexOf("id:")).strip().split("\n\n");
    assertThat(ev).hasSize(4);
    // the first connection serves 11 and 12 and ends; the reconnect must resume after 12
    AtomicInteger connections = new AtomicInteger();
    node.on(
        "GET",
        "/api/v1/events",
        (x, r) -> {
          if (connections.incrementAndGet() == 1) {
            stream(x, "retry: 10\n\n" + ev[0] + "\n\n" + ev[1] + "\n\n");
          } else {
            stream(x, ev[2] + "\n\n" + ev[3] + "\n\n");
          }
        });
    List<String> seen = new ArrayList<>();
    List<Throwable> breaks = new ArrayList<>();

    String last =
        client.followEvents(
            "10",
            e -> {
              seen.add(e.id());
              return seen.size() < 4;
            },
            breaks::add);

    assertThat(seen).containsExactly("11", "12", "13", "14");
    assertThat(last).isEqualTo("14");
    assertThat(breaks).hasSize(1);
    assertThat(node.requests())
        .extracting(r -> r.header("Last-Event-ID"))
        .containsExactly("10", "12");
  }

  @Test
  void aRefusedStreamIsAProblem() {
    node.on(
        "GET",
        "/api/v1/events",
        (x, r) ->
            RecordedNode.send(
                x,
                400,
                "application/problem+json",
                "{\"type\":\"https://liaison.example/problems/bad-event-id\",\"title\":\"Bad"
                    + " request\",\"status\":400,\"detail\":\"Last-Event-ID must be a number\","
                    + "\"field\":\"Last-Event-ID\"}"));

    assertThatThrownBy(() -> client.followEvents("abc", e -> true))
        .isInstanceOfSatisfying(
            LiaisonClientException.class,
            e -> {
              assertThat(e.slug()).isEqualTo("bad-event-id");
              assertThat(e.problem().field()).isEqualTo("Last-Event-ID");
            });
  }
}
