package io.liaison.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.node.Http;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that is not ready takes no writes: 503 not-ready with Retry-After before the route runs,
 * reads and sign-in pass. (The whole node under a restart: RestartUnderLoadIT.)
 */
class ReadinessGateTest {
  Vertx vertx;
  String base;
  final AtomicBoolean ready = new AtomicBoolean();
  final AtomicInteger stored = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(new ReadinessGate(ready::get)::handle);
    router.route().handler(BodyHandler.create(false));
    router
        .post("/api/v1/leads")
        .handler(
            ctx -> {
              stored.incrementAndGet();
              ctx.response().setStatusCode(201).end("{}");
            });
    router.get("/api/v1/leads").handler(ctx -> ctx.response().end("{\"items\":[]}"));
    router.post("/api/v1/auth/login").handler(ctx -> ctx.response().end("{}"));
    router.route().failureHandler(Problems::handle);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + server.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  Http.Response post(String path) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void writesWaitForReadinessReadsAndSignInDoNot() throws Exception {
    Http.Response refused = post("/api/v1/leads");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText()).endsWith("/not-ready");
    assertThat(refused.json().get("detail").asText()).contains("nothing was stored");
    var raw =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(raw.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(stored).hasValue(0);
    assertThat(Http.get(base + "/api/v1/leads").status()).isEqualTo(200);
    assertThat(post("/api/v1/auth/login").status()).isEqualTo(200);

    ready.set(true);
    assertThat(post("/api/v1/leads").status()).isEqualTo(201);
    assertThat(stored).hasValue(1);
  }
}
