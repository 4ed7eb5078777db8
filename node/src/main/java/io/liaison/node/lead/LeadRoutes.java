package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.SupersededList;
import io.liaison.api.lead.TransitionRequest;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP endpoints of leads: {@code /api/v1/leads…} and the officer's {@code /api/v1/inbox}. */
public final class LeadRoutes {
  private final LeadService leads;
  private final LeadQueries queries;
  private final int maxPage;

  public LeadRoutes(LeadService leads, LeadQueries queries, int maxPage) {
    this.leads = leads;
    this.queries = queries;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router.post("/api/v1/leads").handler(this::post);
    router.get("/api/v1/leads/:id").handler(this::get);
    router.post("/api/v1/leads/:id/transitions").handler(this::transition);
    router
        .get("/api/v1/leads/:id/superseded")
        .handler(
            ctx ->
                queries
                    .superseded(ctx.pathParam("id"))
                    .onSuccess(l -> Bodies.reply(ctx, 200, new SupersededList(l)))
                    .onFailure(ctx::fail));
    router.get("/api/v1/leads").handler(this::list);
    router.get("/api/v1/inbox").handler(this::inbox);
  }

  private void post(RoutingContext ctx) {
    LeadDraft draft = Bodies.read(ctx, LeadDraft.class);
    Principals.requireSelf(ctx, draft.officer());
    leads
        .post(draft)
        .onSuccess(
            v -> {
              ctx.response().putHeader("Location", "/api/v1/leads/" + v.id());
              Bodies.reply(ctx, 201, v);
            })
        .onFailure(ctx::fail);
  }

  private void transition(RoutingContext ctx) {
    TransitionRequest req = Bodies.read(ctx, TransitionRequest.class);
    Principals.requireSelf(ctx, req.officer());
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !key.matches("[A-Za-z0-9_\\-:.]{1,128}")) {
      throw ApiException.badRequest(
          "bad-idempotency-key",
          "Idempotency-Key must be 1-128 characters of letters, digits, _ - : .",
          "Idempotency-Key");
    }
    leads
        .transition(ctx.pathParam("id"), req, key)
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    queries.get(ctx.pathParam("id")).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
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
    queries
        .list(bureau, ctx.request().getParam("cursor"), limit)
        .onSuccess(p -> Bodies.reply(ctx, 200, p))
        .onFailure(ctx::fail);
  }

  private void inbox(RoutingContext ctx) {
    String v = ctx.request().getParam("view");
    LeadQueries.Inbox view = LeadQueries.Inbox.parse(v == null ? "open" : v);
    int limit = Bodies.intParam(ctx, "limit", 50, 1, maxPage);
    queries
        .inbox(view, ctx.request().getParam("cursor"), limit)
        .onSuccess(p -> Bodies.reply(ctx, 200, p))
        .onFailure(ctx::fail);
  }
}
