package io.liaison.node.access;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.liaison.api.Problem;
import io.liaison.node.config.NodeConfig;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Sessions;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline's access steps, in order: rate limit by address, sign-in (bearer token),
 * rate limit by officer, authorisation from {@link AccessPolicy}, and the access log entry written
 * when the response ends. Public paths: health, the console's static files and its icon ({@code
 * /favicon.ico}), sign-in and token refresh.
 */
public final class AccessHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(AccessHandlers.class);
  private static final int MAX_BUCKETS = 100_000;

  private final AuthService auth;
  private final StoreExecutor store;
  private final NodeConfig.Security config;
  private final Clock clock;
  private final RateBuckets byAddress;
  private final RateBuckets byOfficer;
  private final RateBuckets logins;
  private final Optional<ScrapeCredential> scrape;
  private static final String SCRAPER = "liaison.scraper";

  public AccessHandlers(
      AuthService auth, StoreExecutor store, NodeConfig.Security config, Clock clock) {
    this.auth = auth;
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.byAddress = new RateBuckets(MAX_BUCKETS, config.requestsPerMinute() * 2L);
    this.byOfficer = new RateBuckets(MAX_BUCKETS, config.requestsPerMinute());
    this.logins = new RateBuckets(MAX_BUCKETS, config.loginsPerMinute());
    this.scrape = ScrapeCredential.load(config.metricsTokenFile());
  }

  static boolean isPublic(String path) {
    return path.equals("/")
        || path.startsWith("/health/")
        || path.startsWith("/console/")
        || path.equals("/favicon.ico")
        || path.equals("/api/v1/auth/login")
        || path.equals("/api/v1/auth/refresh");
  }

  /** Rate limit by client address (every request), then by officer once signed in. */
  public void limitAddress(RoutingContext ctx) {
    String address = ctx.request().remoteAddress().host();
    boolean login = ctx.request().path().equals("/api/v1/auth/login");
    Bucket b = login ? logins.of(address) : byAddress.of(address);
    if (consume(ctx, b, login ? "sign-ins from this address" : "requests from this address")) {
      ctx.next();
    }
  }

  /** Resolves the bearer token to a principal; 401 if missing or invalid. */
  public void authenticate(RoutingContext ctx) {
    String path = ctx.request().path();
    if (isPublic(path)) {
      ctx.next();
      return;
    }
    Optional<String> token = bearer(ctx);
    if (token.isEmpty()) {
      ctx.fail(AuthService.invalidToken("sign in and send Authorization: Bearer <token>"));
      return;
    }
    if (isScrape(ctx, token.get())) {
      ctx.put(SCRAPER, Boolean.TRUE); // Prometheus's scrape-only credential: GET /metrics only
      ctx.next();
      return;
    }
    Future<Principal> principal = auth.authenticate(token.get());
    if (principal.isComplete()) {
      afterSignIn(ctx, principal);
      return;
    }
    // The session is not in memory (e.g. issued before this node restarted): the check goes to the
    // store. Until the body handler further down takes the body, its bytes must wait: a request
    // left flowing would deliver them to no handler, and the body handler would then find the
    // request ended and fail it (500 "BodyHandler invoked after the request has ended").
    HttpServerRequest request = ctx.request();
    request.pause();
    principal.onComplete(
        ar -> {
          afterSignIn(ctx, principal);
          // the body handler (if this route has one) has run and resumed the request; resume for
          // the routes without one, whose body is left unread (a no-op otherwise)
          if (!request.isEnded()) {
            request.resume();
          }
        });
  }

  private void afterSignIn(RoutingContext ctx, Future<Principal> principal) {
    if (principal.failed()) {
      ctx.fail(principal.cause());
      return;
    }
    Principal p = principal.result();
    ctx.put(Principal.KEY, p);
    ctx.put(Sessions.OFFICER, p.officer());
    if (consume(ctx, byOfficer.of(p.officer()), "requests by this officer")) {
      ctx.next();
    }
  }

  /** Checks the route's action against the principal's roles (default deny). */
  public void authorize(RoutingContext ctx) {
    String path = ctx.request().path();
    if (isPublic(path)) {
      ctx.next();
      return;
    }
    if (Boolean.TRUE.equals(ctx.get(SCRAPER))) {
      ctx.put("liaison.action", Action.METRICS_READ);
      ctx.next();
      return;
    }
    Principal p = ctx.get(Principal.KEY);
    Optional<Action> action = AccessPolicy.actionFor(ctx.request().method(), path);
    if (action.isEmpty()) {
      ctx.fail(ApiException.notFound("no such resource: " + ctx.request().method() + " " + path));
      return;
    }
    ctx.put("liaison.action", action.get());
    if (!AccessPolicy.allows(p.roles(), action.get())) {
      ctx.fail(
          new ApiException(
              Problem.of(
                  "forbidden",
                  "Not allowed for your role",
                  403,
                  action.get()
                      + " needs one of the roles "
                      + AccessPolicy.rolesFor(action.get())
                      + "; you have "
                      + p.roles(),
                  null)));
      return;
    }
    ctx.next();
  }

  /** Writes the access log entry when the response is sent (who, what, from where, outcome). */
  public void log(RoutingContext ctx) {
    long at = clock.millis();
    ctx.addEndHandler(
        ar -> {
          Principal p = ctx.get(Principal.KEY);
          Action a = ctx.get("liaison.action");
          String path = ctx.request().path();
          if (path.startsWith("/health/") || path.startsWith("/console/")) {
            return;
          }
          store
              .call(
                  s -> {
                    s.officers()
                        .logAccess(
                            at,
                            p == null ? null : p.officer(),
                            ctx.request().remoteAddress().host(),
                            ctx.request().method().name(),
                            path.length() > 300 ? path.substring(0, 300) : path,
                            ctx.response().getStatusCode(),
                            a == null ? null : a.name());
                    return null;
                  })
              .onFailure(e -> LOG.warn("access log write failed: {}", e.getMessage()));
        });
    ctx.next();
  }

  private boolean isScrape(RoutingContext ctx, String token) {
    return scrape.isPresent()
        && ctx.request().method() == HttpMethod.GET
        && ctx.request().path().equals("/metrics")
        && scrape.get().matches(token);
  }

  private static Optional<String> bearer(RoutingContext ctx) {
    String h = ctx.request().getHeader("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(h.substring(7).strip());
    }
    // EventSource cannot send headers: the event stream also takes the token as a parameter
    if (ctx.request().path().equals("/api/v1/events")) {
      return Optional.ofNullable(ctx.request().getParam("access_token"));
    }
    return Optional.empty();
  }

  /** Takes one token; when there is none, fails the request with 429 and Retry-After. */
  private boolean consume(RoutingContext ctx, Bucket bucket, String what) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return true;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    ctx.fail(
        new ApiException(
            Problem.of(
                "rate-limited",
                "Too many requests",
                429,
                "too many " + what + "; retry in " + seconds + " s",
                null),
            seconds));
    return false;
  }
}
