package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadDraft;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP endpoints of leads under {@code /api/v1/leads}. */
public final class LeadRoutes {
  private final LeadService leads;
  private final int maxPage;

  public LeadRoutes(LeadService leads, int maxPage) {
    this.leads = leads;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router.post("/api/v1/leads").handler(this::post);
    router.get("/api/v1/leads/:id").handler(this::get);
    router.get("/api/v1/leads").handler(this::list);
  }

  private void post(RoutingContext ctx) {
    LeadDraft draft;
    try {
      draft = Bodies.read(ctx, LeadDraft.class);
    } catch (java.io.IOException e) {
      ctx.fail(e);
      return;
    }
    leads
        .post(draft)
        .onSuccess(
            v -> {
              ctx.response().putHeader("Location", "/api/v1/leads/" + v.id());
              Bodies.reply(ctx, 201, v);
            })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    leads.get(ctx.pathParam("id")).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String b = ctx.request().getParam("bureau");
    BureauId bureau;
    try {
      bureau = b == null ? null : BureauId.of(b);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", "bureau: " + e.getMessage(), "bureau");
    }
    int limit = Bodies.intParam(ctx, "limit", 50, 1, maxPage);
    String cursor = ctx.request().getParam("cursor");
    try {
      leads
          .list(bureau, cursor, limit)
          .onSuccess(p -> Bodies.reply(ctx, 200, p))
          .onFailure(ctx::fail);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", e.getMessage(), "cursor");
    }
  }
}
