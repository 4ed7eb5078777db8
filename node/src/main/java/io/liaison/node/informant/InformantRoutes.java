package io.liaison.node.informant;

import io.liaison.api.Problem;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.informant.ResealRequest;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.informant.RewardStatus;
import io.liaison.node.access.Principal;
import io.liaison.node.access.Principals;
import io.liaison.node.domain.Conflict;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lead sources and informants: {@code GET /api/v1/informants/keys}, {@code PUT
 * /api/v1/informants/keys/me}, {@code GET|POST /api/v1/informants/reports}, {@code GET
 * /api/v1/informants/reports/{lead}}, {@code POST …/{lead}/reward}, {@code POST …/{lead}/open},
 * {@code POST …/{lead}/reseal}.
 */
public final class InformantRoutes {
  private final InformantService informants;
  private final int maxPage;

  public InformantRoutes(InformantService informants, int maxPage) {
    this.informants = informants;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/informants/keys")
        .handler(
            ctx ->
                informants.keys().onSuccess(k -> Bodies.reply(ctx, 200, k)).onFailure(ctx::fail));
    router
        .put("/api/v1/informants/keys/me")
        .handler(
            ctx -> {
              KeyRequest r = Bodies.read(ctx, KeyRequest.class);
              informants
                  .putKey(principal(ctx), r)
                  .onSuccess(k -> Bodies.reply(ctx, 200, k))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/informants/reports")
        .handler(
            ctx ->
                informants
                    .register(principal(ctx), Bodies.intParam(ctx, "limit", 100, 1, maxPage))
                    .onSuccess(p -> Bodies.reply(ctx, 200, p))
                    .onFailure(ctx::fail));
    router
        .post("/api/v1/informants/reports")
        .handler(
            ctx -> {
              ReportDraft d = Bodies.read(ctx, ReportDraft.class);
              Principals.requireSelf(ctx, d.officer());
              informants
                  .record(principal(ctx), d)
                  .onSuccess(e -> Bodies.reply(ctx, 201, e))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/informants/reports/:lead")
        .handler(
            ctx ->
                informants
                    .entry(principal(ctx), ctx.pathParam("lead"))
                    .onSuccess(e -> Bodies.reply(ctx, 200, e))
                    .onFailure(ctx::fail));
    router
        .post("/api/v1/informants/reports/:lead/reward")
        .handler(
            ctx -> {
              RewardRequest r = Bodies.read(ctx, RewardRequest.class);
              Principals.requireSelf(ctx, r.officer());
              refusePaidByHand(r);
              informants
                  .reward(principal(ctx), ctx.pathParam("lead"), r)
                  .onSuccess(e -> Bodies.reply(ctx, 200, e))
                  .onFailure(ctx::fail);
            });
    router
        .post("/api/v1/informants/reports/:lead/reseal")
        .handler(
            ctx -> {
              ResealRequest r = Bodies.read(ctx, ResealRequest.class);
              Principals.requireSelf(ctx, r.officer());
              informants
                  .reseal(principal(ctx), ctx.pathParam("lead"), r)
                  .onSuccess(e -> Bodies.reply(ctx, 200, e))
                  .onFailure(ctx::fail);
            });
    router
        .post("/api/v1/informants/reports/:lead/open")
        .handler(
            ctx -> {
              OpenRequest r = Bodies.read(ctx, OpenRequest.class);
              Principals.requireSelf(ctx, r.officer());
              informants
                  .open(principal(ctx), ctx.pathParam("lead"), r)
                  .onSuccess(
                      o -> {
                        ctx.response().putHeader("Cache-Control", "no-store");
                        Bodies.reply(ctx, 200, o);
                      })
                  .onFailure(ctx::fail);
            });
  }

  /**
   * 已兑现 follows the signed settlement entry (SettlementService sets it when the chief signs the
   * payment): set by hand here, the line would be paid with no entry, and the ledger would then
   * refuse to book the payment (it pays only a declared line) — review-4 R4-6.
   */
  static void refusePaidByHand(RewardRequest r) {
    if (r.status() == RewardStatus.PAID) {
      throw new Conflict(
          "reward-paid-by-settlement",
          "Paid through the reward ledger",
          "已兑现 is set by signing the payment (POST /api/v1/rewards/settlements, kind INFORMANT)",
          "/status");
    }
  }

  private static Principal principal(RoutingContext ctx) {
    Principal p = ctx.get(Principal.KEY);
    if (p == null) {
      throw new ApiException(
          Problem.of("unauthenticated", "Sign in first", 401, "no signed-in officer", null));
    }
    return p;
  }
}
