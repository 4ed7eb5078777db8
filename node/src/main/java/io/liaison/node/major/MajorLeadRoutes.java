package io.liaison.node.major;

import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;

/** {@code GET /api/v1/major-leads}: the major-case notices on leads this node holds. */
public final class MajorLeadRoutes {
  private final MajorLeads major;
  private final int maxPage;

  public MajorLeadRoutes(MajorLeads major, int maxPage) {
    this.major = major;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/major-leads")
        .handler(
            ctx ->
                major
                    .list(Bodies.intParam(ctx, "limit", 100, 1, maxPage))
                    .onSuccess(p -> Bodies.reply(ctx, 200, p))
                    .onFailure(ctx::fail));
  }
}
