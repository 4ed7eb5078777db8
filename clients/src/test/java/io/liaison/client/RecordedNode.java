package io.liaison.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a node in tests: a real HTTP server on 127.0.0.1 that answers with responses
 * recorded from a real node (test resources under {@code recorded/}), and remembers every request
 * it received so that tests can assert what the client sent.
 */
public final class RecordedNode implements AutoCloseable {
  /** What the server answers to one request. */
  @FunctionalInterface
  public interface Answer {
    void answer(HttpExchange exchange, Request request) throws IOException;
  }

  /** One request as received. */
  public record Request(
      String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public RecordedNode() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::dispatch);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code METHOD /path} (query ignored) with {@code answer}. */
  public RecordedNode on(String method, String path, Answer answer) {
    routes.put(method + " " + path, answer);
    return this;
  }

  /** Answers with a status, a content type and a recorded resource. */
  public RecordedNode on(String method, String path, int status, String type, String resource) {
    return on(method, path, (x, r) -> send(x, status, type, recorded(resource)));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public Request last() {
    return requests.get(requests.size() - 1);
  }

  /** A recorded response body from {@code src/test/resources/recorded/}. */
  public static String recorded(String name) {
    try (InputStream in = RecordedNode.class.getResourceAsStream("/recorded/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded response " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void dispatch(HttpExchange x) throws IOException {
    try {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI u = x.getRequestURI();
      String pq = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
      Request req = new Request(x.getRequestMethod(), pq, Map.copyOf(x.getRequestHeaders()), body);
      requests.add(req);
      Answer a = routes.get(x.getRequestMethod() + " " + u.getRawPath());
      if (a == null) {
        send(
            x,
            404,
            "application/problem+json",
            "{\"type\":\"https://liaison.example/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"no route "
                + u.getRawPath()
                + "\"}");
        return;
      }
      a.answer(x, req);
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
