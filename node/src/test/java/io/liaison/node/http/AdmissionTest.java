package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Load shedding on a real Vert.x HTTP server: with two writes held in progress, a third write is
 * refused at once with 503 overloaded, Retry-After and a problem document, and never reaches the
 * route; reads still pass; once the held writes end, writes are admitted again.
 */
class AdmissionTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  Vertx vertx;
  HttpServer server;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<Promise<Void>> held = new CopyOnWriteArrayList<>();
  final List<String> reached = new CopyOnWriteArrayList<>();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    Admission admission = new Admission(2, registry);
    router.route().handler(admission::admit);
    router.post("/hold").handler(this::hold);
    router.get("/read").handler(ctx -> ctx.response().end("ok"));
    router.route().failureHandler(Problems::handle);
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  private void hold(RoutingContext ctx) {
    reached.add(ctx.request().getParam("n"));
    Promise<Void> p = Promise.promise();
    held.add(p);
    p.future().onComplete(v -> ctx.response().setStatusCode(201).end());
  }

  @AfterEach
  void stop() throws Exception {
    CompletableFuture.runAsync(() -> vertx.close().toCompletionStage().toCompletableFuture().join())
        .get(10, TimeUnit.SECONDS);
  }

  CompletableFuture<HttpResponse<String>> post(int n) {
    return client.sendAsync(
        HttpRequest.newBuilder(URI.create(url("/hold?n=" + n)))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  @Test
  void aWriteOverTheLimitIsRefusedAtOnceAndAdmittedAgainAfterwards() throws Exception {
    CompletableFuture<HttpResponse<String>> first = post(1);
    CompletableFuture<HttpResponse<String>> second = post(2);
    Await.until(WAIT, () -> held.size() == 2, "two writes in progress");

    HttpResponse<String> third = post(3).get(10, TimeUnit.SECONDS);
    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(third.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(third.body()).contains("overloaded").contains("nothing was stored");
    assertThat(reached).containsExactlyInAnyOrder("1", "2");
    assertThat(registry.get("liaison_http_writes_shed").counter().count()).isEqualTo(1.0);

    HttpResponse<String> read =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/read"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);

    held.forEach(Promise::complete);
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    Await.until(
        WAIT,
        () -> registry.get("liaison_http_writes_in_flight").gauge().value() == 0,
        "no write in progress");
    CompletableFuture<HttpResponse<String>> fourth = post(4);
    Await.until(WAIT, () -> held.size() == 3, "the fourth write in progress");
    held.get(2).complete();
    assertThat(fourth.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    assertThat(reached).containsExactlyInAnyOrder("1", "2", "4");
  }
}
