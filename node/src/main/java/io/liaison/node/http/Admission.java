package io.liaison.node.http;

import io.liaison.api.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding for writes: at most {@code maxInFlight} requests that change something (every
 * method but GET, HEAD and OPTIONS) are in progress on this node at once; one more is refused at
 * once with {@code 503 overloaded} and {@code Retry-After: 1}, before anything is read or stored.
 * Without it, an offered load above what the node can sign, store and share queues without bound:
 * every request then waits until its client times out, and the node does work nobody waits for.
 * Reads are not limited here (the per-officer rate limit covers them).
 */
public final class Admission {
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter shed;

  public Admission(int maxInFlight, MeterRegistry registry) {
    this.maxInFlight = maxInFlight;
    Gauge.builder("liaison_http_writes_in_flight", inFlight, AtomicInteger::get)
        .description("write requests in progress")
        .register(registry);
    this.shed =
        Counter.builder("liaison_http_writes_shed")
            .description("write requests refused with 503 because too many were in progress")
            .register(registry);
  }

  /** A route handler: admits the request or fails it with 503. */
  public void admit(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      shed.increment();
      ctx.fail(
          new ApiException(
              Problem.of(
                  "overloaded",
                  "Service unavailable",
                  503,
                  "this node has "
                      + maxInFlight
                      + " write requests in progress; nothing was stored — retry in 1 s",
                  null),
              1L));
      return;
    }
    ctx.addEndHandler(v -> inFlight.decrementAndGet());
    ctx.next();
  }
}
