package io.liaison.node.settings;

import io.liaison.api.settings.AgreeRequest;
import io.liaison.api.settings.RegionSettings;
import io.liaison.node.access.Principal;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/settings} (the agreed rules and the proposals), {@code POST} (propose the next
 * version, signed by this bureau), {@code POST /api/v1/settings/:version/agreement} (this bureau
 * signs a proposal; the chief's action).
 */
public final class SettingsRoutes {
  private final SettingsService settings;

  public SettingsRoutes(SettingsService settings) {
    this.settings = settings;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/settings")
        .handler(
            ctx -> settings.view().onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail));
    router
        .post("/api/v1/settings")
        .handler(
            ctx -> {
              RegionSettings s = Bodies.read(ctx, RegionSettings.class);
              settings
                  .propose(s, officer(ctx))
                  .onSuccess(v -> Bodies.reply(ctx, 201, v))
                  .onFailure(ctx::fail);
            });
    router
        .post("/api/v1/settings/:version/agreement")
        .handler(
            ctx -> {
              AgreeRequest r = Bodies.read(ctx, AgreeRequest.class);
              long version;
              try {
                version = Long.parseLong(ctx.pathParam("version"));
              } catch (NumberFormatException e) {
                throw ApiException.badRequest(
                    "bad-version", "the version is a whole number", "version");
              }
              settings
                  .agree(version, r.contentHash(), officer(ctx))
                  .onSuccess(v -> Bodies.reply(ctx, 200, v))
                  .onFailure(ctx::fail);
            });
  }

  private static String officer(RoutingContext ctx) {
    Principal p = ctx.get(Principal.KEY);
    return p == null ? "system" : p.officer();
  }
}
