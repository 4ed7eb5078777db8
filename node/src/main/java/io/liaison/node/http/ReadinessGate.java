package io.liaison.node.http;

import io.liaison.api.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A node that is not ready (still joining the cluster and taking in what the grid holds, or
 * stopping) takes no writes: any request that changes something gets {@code 503 not-ready} with
 * {@code Retry-After} before anything is read or stored. Its store may be behind the grid, and a
 * claim or transition decided on it could refuse or accept on stale state; a post would be signed
 * and acknowledged by a node whose grid copy is not yet put back. What it still accepts: reads
 * (answered from its own store, which may be behind until ready — {@code /health/ready} says when),
 * and the session calls that touch only this node's officers ({@code /api/v1/auth/login}, {@code
 * /refresh}, {@code /logout}), so officers can sign in while it catches up.
 */
public final class ReadinessGate {
  /** Seconds a client is asked to wait; joining and catching up take seconds, not minutes. */
  static final long RETRY_AFTER_SECONDS = 5;

  private static final Set<String> ALWAYS =
      Set.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout");

  private final BooleanSupplier ready;

  public ReadinessGate(BooleanSupplier ready) {
    this.ready = ready;
  }

  /** A route handler: passes reads, session calls and everything once ready; else 503. */
  public void handle(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET
        || m == HttpMethod.HEAD
        || m == HttpMethod.OPTIONS
        || ALWAYS.contains(ctx.request().path())
        || ready.getAsBoolean()) {
      ctx.next();
      return;
    }
    ctx.fail(
        new ApiException(
            Problem.of(
                "not-ready",
                "Node not ready",
                503,
                "this node has not caught up with the cluster yet (joining, or taking in what the"
                    + " grid holds) or is stopping; it takes no changes until /health/ready"
                    + " answers UP — nothing was stored, retry in "
                    + RETRY_AFTER_SECONDS
                    + " s",
                null),
            RETRY_AFTER_SECONDS));
  }
}
