package io.liaison.node.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.cases.CaseNumber;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTTP endpoints of the case pool: {@code POST /api/v1/cases} (share a case of this bureau), {@code
 * PUT /api/v1/cases/{caseNumber}} (a new signed version), {@code GET /api/v1/cases/{id}} (pool id
 * or own case number) and the demo seeding {@code POST /api/v1/cases/demo}.
 */
public final class CaseRoutes {
  private final CaseService cases;
  private final DemoSeeder demo;
  private final boolean demoSeeding;

  /** {@code demoSeeding}: whether {@code POST /api/v1/cases/demo} is on (configuration). */
  public CaseRoutes(CaseService cases, boolean demoSeeding) {
    this.cases = cases;
    this.demo = new DemoSeeder(cases);
    this.demoSeeding = demoSeeding;
  }

  public void mount(Router router) {
    router.post("/api/v1/cases").handler(this::share);
    router
        .get("/api/v1/major-cases")
        .handler(
            ctx ->
                cases
                    .majorAlerts(Bodies.intParam(ctx, "limit", 100, 1, 1000))
                    .onSuccess(p -> Bodies.reply(ctx, 200, p))
                    .onFailure(ctx::fail));
    router.put("/api/v1/cases/:caseNumber").handler(this::update);
    router.get("/api/v1/cases/:id").handler(this::get);
    router.post("/api/v1/cases/demo").handler(this::seedDemo);
  }

  private void share(RoutingContext ctx) {
    CaseInput.Parsed in = parse(ctx, null);
    if (in == null) {
      return;
    }
    if (in.versionGiven() && in.record().version() != 1) {
      throw ApiException.conflict(
          "stale-version", "a new case starts at version 1; PUT adds later versions");
    }
    cases
        .share(in.record())
        .onSuccess(
            v -> {
              ctx.response()
                  .putHeader(
                      "Location",
                      "/api/v1/cases/" + URLEncoder.encode(v.id(), StandardCharsets.UTF_8));
              Bodies.reply(ctx, 201, v);
            })
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    CaseNumber number;
    try {
      number = CaseNumber.of(ctx.pathParam("caseNumber"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", "caseNumber: " + e.getMessage(), "caseNumber");
    }
    CaseInput.Parsed in = parse(ctx, number);
    if (in == null) {
      return;
    }
    cases
        .update(in.record(), in.versionGiven())
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    cases.get(ctx.pathParam("id")).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
  }

  /** Body {@code {"seed": 7, "count": 600}}: this bureau's share of that demo case set. */
  private void seedDemo(RoutingContext ctx) {
    if (!demoSeeding) {
      throw ApiException.notFound(
          "demo case seeding is off on this node (configuration demo.caseSeeding)");
    }
    if (!demo.available()) {
      throw ApiException.notFound(
          "demo case seeding needs the demo case generator (the liaison-fixtures jar) on this"
              + " node's class path; the distribution does not ship it");
    }
    ObjectNode body = Bodies.read(ctx, ObjectNode.class);
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("seed") && !name.equals("count")) {
        throw ApiException.unprocessable(
            "unknown-field", "unknown field \"" + name + "\"", "/" + name);
      }
    }
    long seed = integer(body, "seed", 1);
    long count = integer(body, "count", -1);
    if (count < 0 || count > DemoSeeder.MAX_COUNT) {
      throw ApiException.unprocessable(
          "invalid-field", "count must be 0.." + DemoSeeder.MAX_COUNT, "/count");
    }
    demo.seed(seed, count).onSuccess(r -> Bodies.reply(ctx, 200, r)).onFailure(ctx::fail);
  }

  /** An optional integer field; anything but a JSON integer is refused (never coerced). */
  private static long integer(ObjectNode body, String field, long dflt) {
    var n = body.get(field);
    if (n == null) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw ApiException.unprocessable(
          "wrong-type", "/" + field + " must be an integer", "/" + field);
    }
    return n.asLong();
  }

  /** The body as a case, or null when the request already failed (unmappable body). */
  private CaseInput.Parsed parse(RoutingContext ctx, CaseNumber pathNumber) {
    ObjectNode body = Bodies.read(ctx, ObjectNode.class);
    try {
      return CaseInput.read(body, cases.bureau(), pathNumber);
    } catch (JsonProcessingException e) {
      ctx.fail(e); // the one failure handler maps it to problem+json with the field
      return null;
    }
  }
}
