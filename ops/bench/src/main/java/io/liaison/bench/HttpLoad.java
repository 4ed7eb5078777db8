package io.liaison.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * HTTP load on the nodes from the driver JVM: a Vert.x {@link WebClient} on one event loop, with
 * keep-alive connections to 127.0.0.1. Closed loop: each virtual client sends its next request when
 * the previous one is answered; latency is measured per request from send to full response.
 */
public final class HttpLoad implements AutoCloseable {
  private static final long TIMEOUT_MS = 30_000;
  private final Vertx vertx;
  private final WebClient client;
  private final AtomicLong seq = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private final Map<Integer, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Integer, String> officers = new java.util.concurrent.ConcurrentHashMap<>();

  public HttpLoad(int maxConnectionsPerNode) {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    client =
        WebClient.create(
            vertx,
            new WebClientOptions().setKeepAlive(true).setConnectTimeout(5_000).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(maxConnectionsPerNode));
  }

  /** Latency and counts of one node under load. */
  public static final class Stats {
    public final Histogram latency = Lat.histogram();
    public final Map<Integer, Long> statuses = new TreeMap<>();
    public long ok;
    public long failed;

    /** Every request answered 201, also during the warm-up (for CPU per post). */
    public long answered;

    public double seconds;
    public String firstError;

    public double rate() {
      return ok / seconds;
    }

    void fail(int status, String what) {
      failed++;
      statuses.merge(status, 1L, Long::sum);
      if (firstError == null) {
        firstError = status + " " + what;
      }
    }
  }

  /**
   * Posts leads for {@code warmup + measure}: {@code clients[i]} virtual clients on the node at
   * {@code ports[i]}. Only requests sent after the warm-up and answered before the end count.
   */
  public List<Stats> posts(int[] ports, int[] clients, Duration warmup, Duration measure)
      throws InterruptedException {
    long from = System.nanoTime() + warmup.toNanos();
    long end = from + measure.toNanos();
    List<Stats> out = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < ports.length; i++) {
      Stats s = new Stats();
      s.seconds = measure.toNanos() / 1e9;
      out.add(s);
      total += clients[i];
    }
    CountDownLatch done = new CountDownLatch(total);
    vertx.runOnContext(
        v -> {
          for (int i = 0; i < ports.length; i++) {
            for (int c = 0; c < clients[i]; c++) {
              postLoop(ports[i], out.get(i), from, end, done);
            }
          }
        });
    if (!done.await(measure.plus(warmup).toMillis() + 2 * TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("load did not finish");
    }
    return out;
  }

  private void postLoop(int port, Stats s, long from, long end, CountDownLatch done) {
    long t0 = System.nanoTime();
    if (t0 >= end) {
      done.countDown();
      return;
    }
    post(port, "/api/v1/leads", LeadBodies.json(seq.incrementAndGet(), officer(port)))
        .onComplete(
            ar -> {
              long t1 = System.nanoTime();
              if (ar.succeeded() && ar.result().statusCode() == 201) {
                s.answered++;
              }
              if (t0 >= from && t1 <= end) {
                if (ar.succeeded() && ar.result().statusCode() == 201) {
                  s.ok++;
                  s.latency.recordValue(t1 - t0);
                } else if (ar.succeeded()) {
                  s.fail(ar.result().statusCode(), ar.result().bodyAsString());
                } else {
                  s.fail(0, String.valueOf(ar.cause()));
                }
              }
              postLoop(port, s, from, end, done);
            });
  }

  /** POSTs JSON; call on the client's event loop ({@link #onLoop}). */
  public Future<HttpResponse<Buffer>> postJson(int port, String path, String json) {
    return post(port, path, json);
  }

  /** Runs {@code r} on the client's event loop. */
  public void onLoop(Runnable r) {
    vertx.runOnContext(v -> r.run());
  }

  Future<HttpResponse<Buffer>> post(int port, String path, String json) {
    var req = client.post(port, "127.0.0.1", path);
    String token = tokens.get(port);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return req.putHeader("Content-Type", "application/json")
        .timeout(TIMEOUT_MS)
        .sendBuffer(Buffer.buffer(json));
  }

  Future<HttpResponse<Buffer>> get(int port, String path) {
    var req = client.get(port, "127.0.0.1", path);
    String token = tokens.get(port);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return req.timeout(TIMEOUT_MS).send();
  }

  /**
   * Signs {@code officer} in on the node at {@code port}; every later request to that node carries
   * the access token and acts as that officer.
   */
  public void login(int port, String officer, String password) throws Exception {
    String body =
        Json.mapper()
            .createObjectNode()
            .put("officer", officer)
            .put("password", password)
            .toString();
    HttpResponse<Buffer> r =
        await(() -> post(port, "/api/v1/auth/login", body), Duration.ofSeconds(60));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    tokens.put(port, json(r).get("accessToken").asText());
    officers.put(port, officer);
  }

  /** The officer signed in on the node at {@code port}. */
  public String officer(int port) {
    return officers.getOrDefault(port, "officer-1");
  }

  /** Runs {@code f} on the client's event loop and waits for its result. */
  <T> T await(java.util.function.Supplier<Future<T>> f, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Promise<T> p = Promise.promise();
    vertx.runOnContext(v -> f.get().onComplete(p));
    return p.future()
        .toCompletionStage()
        .toCompletableFuture()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Posts one lead on the node at {@code port} and returns its id. */
  public String postOne(int port) throws Exception {
    HttpResponse<Buffer> r =
        await(
            () ->
                post(port, "/api/v1/leads", LeadBodies.json(seq.incrementAndGet(), officer(port))),
            Duration.ofSeconds(60));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("post failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return json(r).get("id").asText();
  }

  /** The lead as the node at {@code port} serves it, or null if it answers otherwise than 200. */
  public JsonNode lead(int port, String id) throws Exception {
    HttpResponse<Buffer> r = await(() -> get(port, "/api/v1/leads/" + id), Duration.ofSeconds(60));
    return r.statusCode() == 200 ? json(r) : null;
  }

  static JsonNode json(HttpResponse<Buffer> r) {
    try {
      return Json.mapper().readTree(r.bodyAsString());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.bodyAsString(), e);
    }
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
