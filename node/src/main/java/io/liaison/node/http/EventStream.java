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
import java.util.Comparator;
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
          "bad-event-id", "Last-Event-ID must be a whole number, 0 or more", "Last-Event-ID");
    }
    if (resumeFrom != null && resumeFrom < 0) {
      throw ApiException.badRequest(
          "bad-event-id", "Last-Event-ID must be a whole number, 0 or more", "Last-Event-ID");
    }
    HttpServerResponse resp = ctx.response();
    resp.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    resp.write("retry: 2000\n\n");

    Session session = new Session(this, resp);
    session.consumer =
        vertx
            .eventBus()
            .<JsonObject>localConsumer(EventFeed.ADDRESS)
            .handler(msg -> session.onLive(msg.body()));
    String officer = ctx.get(Sessions.OFFICER);
    session.ended =
        vertx
            .eventBus()
            .<String>localConsumer(Sessions.ENDED)
            .handler(
                msg -> {
                  // the officer was disabled or their password reset: their sessions ended
                  if (msg.body().equals(officer) && !session.closed) {
                    session.close();
                    resp.end();
                  }
                });
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

  /**
   * Sends what the store holds after the last event sent, in order, then what arrived meanwhile.
   * Every live event received before this read began is covered by it: the store holds an event
   * before it is published.
   */
  private void replay(Session session) {
    session.coveredUpTo = Math.max(session.coveredUpTo, session.maxReceived);
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

  /**
   * One connected client. Events are sent in id order with no gaps: publications follow their
   * commits but not always in commit order (two changes committed one after the other can be
   * published from two threads, or one after a further step), so a live event whose id is not the
   * next one is held back and the store is read for what comes between. An id the store does not
   * hold by then never will (its transaction rolled back) and is passed over.
   */
  private static final class Session {
    final EventStream stream;
    final HttpServerResponse response;
    MessageConsumer<JsonObject> consumer;
    MessageConsumer<String> ended;
    long heartbeat;
    long sent;
    long maxReceived;
    long coveredUpTo;
    boolean replaying = true;
    boolean closed;
    final List<JsonObject> buffered = new ArrayList<>();

    Session(EventStream stream, HttpServerResponse response) {
      this.stream = stream;
      this.response = response;
    }

    void onLive(JsonObject event) {
      maxReceived = Math.max(maxReceived, event.getLong("seq"));
      if (replaying) {
        buffered.add(event);
        return;
      }
      long seq = event.getLong("seq");
      if (seq <= sent) {
        return;
      }
      if (seq == sent + 1 || seq <= coveredUpTo) {
        write(event);
        return;
      }
      // a gap: an earlier event is committed but its publication is still on its way
      replaying = true;
      buffered.add(event);
      stream.replay(this);
    }

    void endReplay() {
      replaying = false;
      List<JsonObject> held = new ArrayList<>(buffered);
      buffered.clear();
      held.sort(Comparator.comparingLong(e -> e.getLong("seq")));
      for (int i = 0; i < held.size(); i++) {
        if (replaying) {
          buffered.addAll(held.subList(i, held.size()));
          return;
        }
        onLive(held.get(i));
      }
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
      stream.vertx.cancelTimer(heartbeat);
      if (consumer != null) {
        consumer.unregister();
      }
      if (ended != null) {
        ended.unregister();
      }
    }
  }
}
