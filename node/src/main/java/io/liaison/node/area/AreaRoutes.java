package io.liaison.node.area;

import io.liaison.api.area.AreaModel;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/v1/area} (this bureau's area), {@code PUT} (sign its next version), {@code GET
 * /api/v1/area/touches} (shared records of other bureaus that name it, newest first).
 */
public final class AreaRoutes {
  private final AreaService areas;
  private final int maxPage;

  public AreaRoutes(AreaService areas, int maxPage) {
    this.areas = areas;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/area")
        .handler(
            ctx ->
                Bodies.reply(
                    ctx,
                    200,
                    areas
                        .current()
                        .orElseThrow(
                            () -> ApiException.notFound("an area of bureau " + areas.bureau()))));
    router
        .put("/api/v1/area")
        .handler(
            ctx -> {
              AreaModel a = Bodies.read(ctx, AreaModel.class);
              areas.save(a).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
            });
    router
        .get("/api/v1/area/touches")
        .handler(
            ctx ->
                areas
                    .touches(
                        ctx.request().getParam("cursor"),
                        Bodies.intParam(ctx, "limit", 50, 1, maxPage))
                    .onSuccess(p -> Bodies.reply(ctx, 200, p))
                    .onFailure(ctx::fail));
  }
}
