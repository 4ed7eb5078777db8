package io.liaison.node.http;

import io.liaison.node.events.EventFeed;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/events}: a server-sent-events stream of the node's event feed. A client that
 * sends {@code Last-Event-ID} (or {@code ?lastEventId=}) first gets every stored event after it, in
 * order, then live events; events arriving during the replay are buffered and de-duplicated by id,
 * so there are no gaps and no repeats. Without an id the stream starts with the next event.
 */
final class EventStream {
  private static final int REPLAY_BATCH = 500;
  private static final long HEARTBEAT_MS = 15_000;

  private final Vertx vertx;
  private final StoreExecutor store;

  EventStream(Vertx vertx, StoreExecutor store) {
    this.vertx = vertx;
    this.store = store;
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Last-Event-ID");
    if (header == null) {
      header = ctx.request().getParam("lastEventId");
    }
    Long resumeFrom;
    try {
      resumeFrom = header == null ? null : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "bad-event-id", "Last-Event-ID must be a number", "Last-Event-ID");
    }
    HttpServerResponse resp = ctx.response();
    resp.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    resp.write("retry: 2000\n\n");

    Session session = new Session(vertx, resp);
    session.consumer =
        vertx
            .eventBus()
            .<JsonObject>localConsumer(EventFeed.ADDRESS)
            .handler(msg -> session.onLive(msg.body()));
    session.heartbeat = vertx.setPeriodic(HEARTBEAT_MS, t -> resp.write(":keep-alive\n\n"));
    resp.closeHandler(v -> session.close());
    resp.exceptionHandler(e -> session.close());

    Future<Long> start =
        resumeFrom != null ? Future.succeededFuture(resumeFrom) : store.call(Store::lastEventSeq);
    start.onSuccess(
        from -> {
          session.sent = from;
          if (resumeFrom == null) {
            session.endReplay();
          } else {
            replay(session);
          }
        });
    start.onFailure(e -> resp.reset());
  }

  private void replay(Session session) {
    store
        .call(s -> s.eventsAfter(session.sent, REPLAY_BATCH))
        .onSuccess(
            batch -> {
              if (session.closed) {
                return;
              }
              batch.forEach(e -> session.write(EventFeed.toJson(e)));
              if (batch.size() == REPLAY_BATCH) {
                replay(session);
              } else {
                session.endReplay();
              }
            })
        .onFailure(e -> session.response.reset());
  }

  private static final class Session {
    final Vertx vertx;
    final HttpServerResponse response;
    MessageConsumer<JsonObject> consumer;
    long heartbeat;
    long sent;
    boolean replaying = true;
    boolean closed;
    final List<JsonObject> buffered = new ArrayList<>();

    Session(Vertx vertx, HttpServerResponse response) {
      this.vertx = vertx;
      this.response = response;
    }

    void onLive(JsonObject event) {
      if (replaying) {
        buffered.add(event);
      } else {
        write(event);
      }
    }

    void endReplay() {
      replaying = false;
      buffered.forEach(this::write);
      buffered.clear();
    }

    void write(JsonObject e) {
      long seq = e.getLong("seq");
      if (closed || seq <= sent) {
        return;
      }
      sent = seq;
      response.write(
          "id: "
              + seq
              + "\nevent: "
              + e.getString("type")
              + "\ndata: "
              + e.getString("data")
              + "\n\n");
      if (response.writeQueueFull()) {
        // a client that does not read is cut off; it resumes with Last-Event-ID
        response.reset();
        close();
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      vertx.cancelTimer(heartbeat);
      if (consumer != null) {
        consumer.unregister();
      }
    }
  }
}
