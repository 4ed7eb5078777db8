package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.SseClient;
import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.store.StoredEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream on a real store and a real HTTP server: events committed one after the other but
 * published in the other order (two services publishing from two threads, or one publishing after a
 * further step) reach the client all, in id order, on one unbroken connection (issue #23: the
 * console once showed event n+1 and never n).
 */
class EventStreamOrderTest {
  @TempDir Path dir;
  Vertx vertx;
  Store store;
  StoreExecutor exec;
  EventFeed feed;
  String url;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = Store.open(dir.resolve("events.db"));
    exec = new StoreExecutor(vertx, store, "test-store");
    feed = new EventFeed(vertx);
    Router router = Router.router(vertx);
    router.get("/api/v1/events").handler(new EventStream(vertx, exec)::handle);
    router.route().failureHandler(Problems::handle);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    url = "http://127.0.0.1:" + server.actualPort() + "/api/v1/events";
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    exec.close();
    store.close();
  }

  StoredEvent append(String recordId) throws Exception {
    return exec.call(s -> feed.append(s, "lead.posted", recordId, "ALL", List.of(recordId)))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  static List<Long> ids(SseClient c) {
    return c.events().stream().map(SseClient.Event::id).toList();
  }

  @Test
  void eventsPublishedOutOfOrderReachTheClientAllAndInOrder() throws Exception {
    try (SseClient client = new SseClient(url, null)) {
      StoredEvent first = append("a");
      feed.publish(first);
      Await.until(Duration.ofSeconds(10), () -> ids(client).contains(first.seq()), "first event");
      for (int round = 0; round < 20; round++) {
        StoredEvent n = append("n" + round);
        StoredEvent next = append("m" + round);
        feed.publish(next); // n+1 is published before n
        feed.publish(n);
        Await.until(
            Duration.ofSeconds(10), () -> ids(client).contains(next.seq()), "event " + next.seq());
      }
      List<Long> expected =
          java.util.stream.LongStream.rangeClosed(first.seq(), first.seq() + 40).boxed().toList();
      Await.until(
          Duration.ofSeconds(10), () -> ids(client).size() >= expected.size(), "all 41 events");
      assertThat(ids(client)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aResumedStreamAlsoFillsAGapLeftByOrderOfPublication() throws Exception {
    StoredEvent before = append("before");
    try (SseClient client = new SseClient(url, before.seq())) {
      StoredEvent n = append("n");
      StoredEvent next = append("n+1");
      feed.publish(next);
      Await.until(Duration.ofSeconds(10), () -> ids(client).contains(next.seq()), "n+1");
      feed.publish(n);
      assertThat(ids(client)).containsExactly(n.seq(), next.seq());
    }
  }

  @Test
  void aNegativeLastEventIdIsRefused() throws Exception {
    for (String bad : new String[] {"-5", "x", "1.5"}) {
      // the status and headers only: an accepted id would open a stream that never ends
      HttpResponse<java.io.InputStream> r =
          Http.client()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Last-Event-ID", bad)
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      try (var body = r.body()) {
        assertThat(r.statusCode()).as(bad).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        var problem = io.liaison.api.Json.mapper().readTree(body.readAllBytes());
        assertThat(problem.get("type").asText()).endsWith("/bad-event-id");
        assertThat(problem.get("field").asText()).isEqualTo("Last-Event-ID");
      }
    }
  }
}
