package io.liaison.node.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.node.store.Store;
import io.liaison.node.store.StoredEvent;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The node-local feed of what officers are told (new lead, claim, feedback…). Events are appended
 * to the store inside the transaction of the change they describe, so their ids are gap-free and
 * durable, then published on the local event bus for connected streams.
 */
public final class EventFeed {
  /** Local (non-clustered) event-bus address on which committed events are published. */
  public static final String ADDRESS = "liaison.feed";

  private final Vertx vertx;

  public EventFeed(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Appends on the store thread; call {@link #publish} after the transaction commits. */
  public StoredEvent append(
      Store store, String type, String recordId, String audience, Object data) {
    String json;
    try {
      json = Json.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise event", e);
    }
    long seq = store.appendEvent(type, recordId, audience, json);
    return new StoredEvent(seq, type, recordId, audience, Instant.now(), json);
  }

  public void publish(StoredEvent e) {
    vertx.eventBus().publish(ADDRESS, toJson(e), new DeliveryOptions().setLocalOnly(true));
  }

  public static JsonObject toJson(StoredEvent e) {
    return new JsonObject()
        .put("seq", e.seq())
        .put("type", e.type())
        .put("recordId", e.recordId())
        .put("audience", e.audience())
        .put("data", e.data());
  }
}
