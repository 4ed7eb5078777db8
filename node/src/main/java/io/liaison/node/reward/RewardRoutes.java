package io.liaison.node.reward;

import io.liaison.api.FieldException;
import io.liaison.api.report.Period;
import io.liaison.api.reward.SettlementDraft;
import io.liaison.api.reward.Settlements;
import io.liaison.api.reward.SharingRule;
import io.liaison.api.settings.AgreeRequest;
import io.liaison.node.access.Principal;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.TableFiles;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The reward ledger (奖励兑现) under {@code /api/v1/rewards}: the sharing rule agreed like 协作约定 ({@code
 * rules}, proposing and signing the chief's), settlement entries ({@code settlements}, a bureau
 * signs what it pays), credits and measures ({@code credits?period=}), the settlement statement
 * ({@code statement?period=}), every table as CSV ({@code csv/{table}?period=}) and the workbook
 * ({@code xlsx?period=}).
 */
public final class RewardRoutes {
  private final SharingRuleService rules;
  private final SettlementService settlements;
  private final RewardService rewards;

  public RewardRoutes(
      SharingRuleService rules, SettlementService settlements, RewardService rewards) {
    this.rules = rules;
    this.settlements = settlements;
    this.rewards = rewards;
  }

  public void mount(Router router) {
    String base = "/api/v1/rewards";
    router
        .get(base + "/rules")
        .handler(
            ctx -> rules.view().onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail));
    router.post(base + "/rules").handler(this::propose);
    router.post(base + "/rules/:version/agreement").handler(this::agree);
    router
        .get(base + "/settlements")
        .handler(
            ctx ->
                settlements
                    .list()
                    .onSuccess(l -> Bodies.reply(ctx, 200, new Settlements(l)))
                    .onFailure(ctx::fail));
    router.post(base + "/settlements").handler(this::settle);
    router
        .get(base + "/credits")
        .handler(
            ctx ->
                rewards
                    .credits(period(ctx))
                    .onSuccess(v -> Bodies.reply(ctx, 200, v))
                    .onFailure(ctx::fail));
    router
        .get(base + "/statement")
        .handler(
            ctx ->
                rewards
                    .statement(period(ctx))
                    .onSuccess(v -> Bodies.reply(ctx, 200, v))
                    .onFailure(ctx::fail));
    router.get(base + "/csv/:table").handler(this::csv);
    router.get(base + "/xlsx").handler(this::xlsx);
  }

  private void propose(RoutingContext ctx) {
    SharingRule rule = Bodies.read(ctx, SharingRule.class);
    rules
        .propose(rule, officer(ctx))
        .onSuccess(v -> Bodies.reply(ctx, 201, v))
        .onFailure(ctx::fail);
  }

  private void agree(RoutingContext ctx) {
    AgreeRequest r = Bodies.read(ctx, AgreeRequest.class);
    long version;
    try {
      version = Long.parseLong(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad-version", "the version is a whole number", "version");
    }
    rules
        .agree(version, r.contentHash(), officer(ctx))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void settle(RoutingContext ctx) {
    SettlementDraft d = Bodies.read(ctx, SettlementDraft.class);
    Principals.requireSelf(ctx, d.officer());
    settlements.settle(d).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
  }

  private void csv(RoutingContext ctx) {
    String id = ctx.pathParam("table");
    if (!RewardTables.IDS.contains(id)) {
      throw ApiException.badRequest(
          "bad-parameter", "table: one of " + String.join(", ", RewardTables.IDS), "table");
    }
    Period p = period(ctx);
    rewards
        .tables(p)
        .onSuccess(
            tables -> {
              Table t = tables.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
              ctx.response()
                  .putHeader("Content-Type", "text/csv; charset=utf-8")
                  .putHeader(
                      "Content-Disposition",
                      "attachment; filename=\"rewards-" + p.label() + "-" + id + ".csv\"")
                  .end(Buffer.buffer(TableFiles.csv(t)));
            })
        .onFailure(ctx::fail);
  }

  private void xlsx(RoutingContext ctx) {
    Period p = period(ctx);
    rewards
        .tables(p)
        .onSuccess(
            tables ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"rewards-" + p.label() + ".xlsx\"")
                    .end(Buffer.buffer(TableFiles.xlsx(tables))))
        .onFailure(ctx::fail);
  }

  private static Period period(RoutingContext ctx) {
    try {
      return Period.parse(ctx.request().getParam("period"));
    } catch (FieldException e) {
      throw ApiException.badRequest("bad-parameter", "period: " + e.getMessage(), "period");
    }
  }

  private static String officer(RoutingContext ctx) {
    Principal p = ctx.get(Principal.KEY);
    return p == null ? "system" : p.officer();
  }
}
