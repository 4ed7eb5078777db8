package io.liaison.node.action;

import io.liaison.api.action.CloneRequest;
import io.liaison.api.action.ItemPage;
import io.liaison.api.action.MeetingDraft;
import io.liaison.api.action.MeetingPage;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Joint meetings under {@code /api/v1/meetings}: record (host), list, one, acknowledge, an item
 * done, and this bureau's open items ({@code /api/v1/meetings/items}).
 */
public final class MeetingRoutes {
  private final MeetingService meetings;

  public MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  public void mount(Router router) {
    router.get("/api/v1/meetings").handler(this::list);
    router.post("/api/v1/meetings").handler(this::record);
    router.get("/api/v1/meetings/items").handler(this::items);
    router.get("/api/v1/meetings/:id").handler(this::get);
    router.post("/api/v1/meetings/:id/acknowledge").handler(this::acknowledge);
    router.post("/api/v1/meetings/:id/items/:n/done").handler(this::done);
  }

  private void list(RoutingContext ctx) {
    meetings
        .mine(Bodies.intParam(ctx, "limit", 50, 1, 500))
        .onSuccess(l -> Bodies.reply(ctx, 200, new MeetingPage(l.size(), l)))
        .onFailure(ctx::fail);
  }

  private void record(RoutingContext ctx) {
    MeetingDraft d = Bodies.read(ctx, MeetingDraft.class);
    Principals.requireSelf(ctx, d.officer());
    meetings
        .record(d.officer(), d.meeting())
        .onSuccess(v -> Bodies.reply(ctx, 201, v))
        .onFailure(ctx::fail);
  }

  private void items(RoutingContext ctx) {
    meetings
        .inbox()
        .onSuccess(l -> Bodies.reply(ctx, 200, new ItemPage(l.size(), l)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    meetings
        .view(id)
        .map(o -> o.orElseThrow(() -> ApiException.notFound("no meeting " + id)))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    CloneRequest who = Bodies.read(ctx, CloneRequest.class);
    Principals.requireSelf(ctx, who.officer());
    meetings
        .acknowledge(ctx.pathParam("id"), who.officer())
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void done(RoutingContext ctx) {
    CloneRequest who = Bodies.read(ctx, CloneRequest.class);
    Principals.requireSelf(ctx, who.officer());
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no item " + ctx.pathParam("n"));
    }
    meetings
        .done(ctx.pathParam("id"), n, who.officer())
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }
}
