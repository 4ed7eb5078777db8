package io.liaison.node.http;

import io.liaison.api.HealthStatus;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FaviconHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node's HTTP server: mounts the feature routes, the event stream, health and metrics, with one
 * body limit and one failure handler ({@link Problems}) for everything.
 */
public final class ApiVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final long maxBodyBytes;
  private final StoreExecutor store;
  private final List<Consumer<Router>> features;
  private final List<Handler<RoutingContext>> access;
  private final Path tlsCert;
  private final Path tlsKey;
  private final BooleanSupplier ready;
  private final Supplier<String> metrics;
  private HttpServer server;
  private volatile Router router;

  public ApiVerticle(
      String host,
      int port,
      long maxBodyBytes,
      StoreExecutor store,
      List<Handler<RoutingContext>> access,
      List<Consumer<Router>> features,
      Path tlsCert,
      Path tlsKey,
      BooleanSupplier ready,
      Supplier<String> metrics) {
    this.host = host;
    this.port = port;
    this.maxBodyBytes = maxBodyBytes;
    this.store = store;
    this.features = List.copyOf(features);
    this.access = List.copyOf(access);
    this.tlsCert = tlsCert;
    this.tlsKey = tlsKey;
    this.ready = ready;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    this.router = router;
    // access first: rate limit, sign-in, authorisation, access log (see io.liaison.node.access)
    access.forEach(h -> router.route().handler(h));
    // a node that has not caught up with the grid takes no writes (503 not-ready)
    router.route().handler(new ReadinessGate(ready)::handle);
    // attachments and price-check sheets have their own, larger body limits (see
    // AttachmentRoutes, PriceRoutes)
    router
        .routeWithRegex(
            "^/api/(?!v1/attachments$|v1/admin/import/|v1/price/checks/[^/]+/import$"
                + "|v1/cases/imports$).*")
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.get("/health/live").handler(ctx -> Bodies.reply(ctx, 200, HealthStatus.of(true)));
    router
        .get("/health/ready")
        .handler(
            ctx -> {
              boolean up = ready.getAsBoolean();
              Bodies.reply(ctx, up ? 200 : 503, HealthStatus.of(up));
            });
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.get()));
    router.get("/").handler(ctx -> ctx.redirect("/console/"));
    // browsers ask for it on every console load; public, like the console's files
    router.get("/favicon.ico").handler(FaviconHandler.create(vertx, "console/favicon.ico"));
    router
        .route("/console/*")
        .handler(StaticHandler.create("console").setDefaultContentEncoding("UTF-8"));
    EventStream events = new EventStream(vertx, store);
    router.get("/api/v1/events").handler(events::handle);
    features.forEach(f -> f.accept(router));
    router.route().failureHandler(Problems::handle);
    router.errorHandler(404, Problems::handle);
    router.errorHandler(405, Problems::handle);
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setCompressionSupported(true)
            .setMaxHeaderSize(16 * 1024)
            // long enough that over-long queries reach the API's own caps (a problem document
            // naming the parameter) instead of the codec's bare 414
            .setMaxInitialLineLength(32 * 1024);
    if (tlsCert != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(tlsCert.toString())
                  .setKeyPath(tlsKey.toString()));
    }
    return vertx
        .createHttpServer(options)
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Every route with a path and methods, as {@code "GET /api/v1/leads/:id"} (what the OpenAPI check
   * compares with docs/openapi.yaml); empty before the verticle started.
   */
  public List<String> routes() {
    Router r = router;
    if (r == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Route route : r.getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      route.methods().forEach(m -> out.add(m.name() + " " + route.getPath()));
    }
    return out;
  }
}
