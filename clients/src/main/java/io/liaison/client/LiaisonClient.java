package io.liaison.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadPage;
import io.liaison.api.lead.LeadView;
import io.liaison.api.lead.TransitionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Java client of one Liaison node's HTTP API. Thread-safe; create one per node and reuse it.
 * Every call blocks. An error answer of the node throws {@link LiaisonClientException} carrying the
 * node's problem document; a node that cannot be reached throws {@link NodeUnreachableException}.
 *
 * <p>Answers are read leniently (fields this client does not know are ignored, unknown enum values
 * become null) so that an older client keeps working against a newer node; requests are written
 * with the project's shared mapper. Endpoints without a typed method yet can be called through
 * {@link #get} and {@link #post}.
 */
public final class LiaisonClient {
  /** Where a client points when nothing else is said: the first demo node. */
  public static final URI DEFAULT_NODE = URI.create("http://127.0.0.1:8081");

  static final long DEFAULT_RETRY_MILLIS = 2_000;
  private static final String USER_AGENT = "liaison-client/0.1.0";

  private final URI node;
  private final String base;
  private final HttpClient http;
  private final Duration requestTimeout;

  private LiaisonClient(URI node, HttpClient http, Duration requestTimeout) {
    this.node = node;
    String s = node.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /** A client of the node at {@code node} (e.g. {@code http://127.0.0.1:8081}) with defaults. */
  public static LiaisonClient create(URI node) {
    return builder(node).build();
  }

  public static Builder builder(URI node) {
    return new Builder(node);
  }

  /** The node this client talks to. */
  public URI node() {
    return node;
  }

  // --- leads ------------------------------------------------------------------------------

  /** Posts a lead on this node for its bureau ({@code POST /api/v1/leads}); returns it signed. */
  public LeadView postLead(LeadDraft draft) {
    return post("/api/v1/leads", draft, LeadView.class);
  }

  /** One lead by id, verified by the node ({@code GET /api/v1/leads/{id}}). */
  public LeadView getLead(String id) {
    return get(ApiPaths.lead(id), LeadView.class);
  }

  /** One page of leads, newest first ({@code GET /api/v1/leads}). */
  public LeadPage listLeads(LeadQuery query) {
    return get(ApiPaths.leads(query), LeadPage.class);
  }

  /**
   * Applies one event of the lead's life (claim, hand-over, feedback, close …) as an officer of
   * this node's bureau ({@code POST /api/v1/leads/{id}/transitions}); returns the lead as it now
   * is. With an {@code idempotencyKey}, sending the same request again (after a timeout, say)
   * applies it at most once; null sends none.
   */
  public LeadView transition(String id, TransitionRequest request, String idempotencyKey) {
    HttpRequest.Builder rb = request(ApiPaths.lead(id) + "/transitions");
    if (idempotencyKey != null) {
      rb.header("Idempotency-Key", idempotencyKey);
    }
    return send(jsonPost(rb, request), LeadView.class);
  }

  /**
   * One page of this bureau's work list ({@code GET /api/v1/inbox}): {@code view} is one of open,
   * claimed, awaiting-feedback, overdue, handed-to-me, posted-by-me.
   */
  public LeadPage inbox(String view, int limit, String cursor) {
    return get(ApiPaths.inbox(view, limit, cursor), LeadPage.class);
  }

  // --- trust, administration, health ------------------------------------------------------

  /** The roster in force on this node and the node's own bureau ({@code GET /api/v1/roster}). */
  public RosterView roster() {
    return get("/api/v1/roster", RosterView.class);
  }

  /** Records this node refused as invalid ({@code GET /api/v1/admin/quarantine}), raw. */
  public JsonNode quarantine(int limit) {
    return get("/api/v1/admin/quarantine?limit=" + limit, JsonNode.class);
  }

  /** Whether the node is live and ready; throws only when it cannot be reached at all. */
  public Health health() {
    return new Health(probe("/health/live"), probe("/health/ready"));
  }

  private boolean probe(String path) {
    HttpResponse<byte[]> r = exchange(request(path).GET().build(), BodyHandlers.ofByteArray());
    if (r.statusCode() == 200 || r.statusCode() == 503) {
      return r.statusCode() == 200;
    }
    throw Answers.failure(r.statusCode(), contentType(r), r.body());
  }

  // --- events -----------------------------------------------------------------------------

  /**
   * Opens the node's event stream ({@code GET /api/v1/events}). With {@code lastEventId} the node
   * first replays every event after it, then continues live; without, the stream starts with the
   * next event.
   */
  public EventStream openEvents(String lastEventId) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
            .header("Accept", "text/event-stream")
            .header("User-Agent", USER_AGENT)
            .GET();
    if (lastEventId != null) {
      rb.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> r = exchange(rb.build(), BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readNBytes(64 * 1024);
      } catch (IOException e) {
        body = new byte[0];
      }
      throw Answers.failure(r.statusCode(), contentType(r), body);
    }
    return new EventStream(node, r.body(), lastEventId);
  }

  /** As {@link #followEvents(String, Predicate, Consumer)}, reconnecting silently. */
  public String followEvents(String lastEventId, Predicate<ServerSentEvent> onEvent) {
    return followEvents(lastEventId, onEvent, broken -> {});
  }

  /**
   * Follows the event stream until {@code onEvent} returns false or the thread is interrupted, like
   * a browser's EventSource: when the connection breaks or the node ends the stream, it waits the
   * delay the node asked for ({@code retry:}) and reconnects with {@code Last-Event-ID}, so no
   * event is missed or repeated. {@code onBreak} is told of each break. The first connection is not
   * retried: an unreachable node or an error answer is thrown.
   *
   * @return the id of the last event seen (to resume from later)
   */
  public String followEvents(
      String lastEventId, Predicate<ServerSentEvent> onEvent, Consumer<Throwable> onBreak) {
    String resume = lastEventId;
    long retry = DEFAULT_RETRY_MILLIS;
    boolean connected = false;
    while (!Thread.currentThread().isInterrupted()) {
      EventStream stream;
      try {
        stream = openEvents(resume);
        connected = true;
      } catch (NodeUnreachableException e) {
        if (!connected) {
          throw e;
        }
        onBreak.accept(e);
        if (!pause(retry)) {
          break;
        }
        continue;
      }
      Throwable broken = null;
      try (stream) {
        var next = stream.next();
        while (next.isPresent()) {
          if (!onEvent.test(next.get())) {
            return stream.lastEventId();
          }
          next = stream.next();
        }
      } catch (NodeUnreachableException e) {
        broken = e;
      } finally {
        resume = stream.lastEventId();
        retry = stream.retryMillis().orElse(retry);
      }
      onBreak.accept(broken != null ? broken : new IOException("the node ended the stream"));
      if (!pause(retry)) {
        break;
      }
    }
    return resume;
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // --- generic calls ----------------------------------------------------------------------

  /** {@code GET} of {@code pathAndQuery} (e.g. {@code /api/v1/leads?limit=5}) read as {@code T}. */
  public <T> T get(String pathAndQuery, Class<T> type) {
    return send(request(pathAndQuery).GET().build(), type);
  }

  /** {@code POST} of {@code body} as JSON to {@code path}, the answer read as {@code T}. */
  public <T> T post(String path, Object body, Class<T> type) {
    return send(jsonPost(request(path), body), type);
  }

  private static HttpRequest jsonPost(HttpRequest.Builder rb, Object body) {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON", e);
    }
    return rb.header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
    }
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(requestTimeout)
        .header("Accept", "application/json, " + Problem.MEDIA_TYPE)
        .header("User-Agent", USER_AGENT);
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    HttpResponse<byte[]> r = exchange(request, BodyHandlers.ofByteArray());
    if (r.statusCode() / 100 != 2) {
      throw Answers.failure(r.statusCode(), contentType(r), r.body());
    }
    return Answers.read(r.statusCode(), r.body(), type);
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new NodeUnreachableException(node, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnreachableException(node, e);
    }
  }

  private static String contentType(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  /** Options of a client; every one has a sensible default. */
  public static final class Builder {
    private final URI node;
    private HttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(URI node) {
      Objects.requireNonNull(node, "node");
      String scheme = node.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || node.getHost() == null) {
        throw new IllegalArgumentException("node must be an http(s) URL, e.g. " + DEFAULT_NODE);
      }
      if (node.getQuery() != null || node.getFragment() != null) {
        throw new IllegalArgumentException("node URL must not have a query or fragment: " + node);
      }
      this.node = node;
    }

    /** Use this HTTP client (its own timeouts, proxy, TLS settings) instead of a new one. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
      return this;
    }

    /** The limit for one ordinary request; event streams have none. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = Objects.requireNonNull(d, "requestTimeout");
      return this;
    }

    public LiaisonClient build() {
      HttpClient client =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      return new LiaisonClient(node, client, requestTimeout);
    }
  }
}
