package io.liaison.node.action;

import io.liaison.api.Problem;
import io.liaison.api.access.Role;
import io.liaison.api.action.CloneRequest;
import io.liaison.api.action.ConflictPage;
import io.liaison.api.action.FromNetwork;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanDraft;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanPage;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.StepRequest;
import io.liaison.node.access.Principal;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.network.NetworkService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * HTTP endpoints of joint operations under {@code /api/v1/actions}: plans (create, from a network,
 * from a template, clone, revise, read, list, checklist, printable page), lifecycle steps, and the
 * bureau's deconfliction alerts. Short handlers: read the typed body, check the officer, hand over
 * to {@link ActionService}, answer with a {@link PlanView}.
 */
public final class ActionRoutes {
  private final Vertx vertx;
  private final ActionService actions;
  private final Deconfliction deconfliction;
  private final NetworkService networks;
  private final Clock clock;
  private final int maxPage;

  public ActionRoutes(
      Vertx vertx,
      ActionService actions,
      Deconfliction deconfliction,
      NetworkService networks,
      Clock clock,
      int maxPage) {
    this.vertx = vertx;
    this.actions = actions;
    this.deconfliction = deconfliction;
    this.networks = networks;
    this.clock = clock;
    this.maxPage = maxPage;
  }

  public void mount(Router router) {
    router.get("/api/v1/actions").handler(this::list);
    router.post("/api/v1/actions").handler(this::create);
    router.get("/api/v1/actions/conflicts").handler(this::conflicts);
    router.get("/api/v1/actions/templates/:kind").handler(this::template);
    router.post("/api/v1/actions/from-network").handler(this::fromNetwork);
    router.get("/api/v1/actions/:id").handler(this::get);
    router.put("/api/v1/actions/:id").handler(this::revise);
    router.post("/api/v1/actions/:id/clone").handler(this::cloneOf);
    router.get("/api/v1/actions/:id/checklist").handler(this::checklist);
    router.get("/api/v1/actions/:id/print").handler(this::print);
    router.post("/api/v1/actions/:id/steps").handler(this::step);
  }

  private void list(RoutingContext ctx) {
    boolean all = "all".equals(ctx.request().getParam("view"));
    int limit = Bodies.intParam(ctx, "limit", 50, 1, maxPage);
    actions
        .records(!all, limit)
        .compose(list -> blocking(() -> list.stream().map(this::view).toList()))
        .onSuccess(v -> Bodies.reply(ctx, 200, new PlanPage(v.size(), v)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    PlanDraft d = Bodies.read(ctx, PlanDraft.class);
    Principals.requireSelf(ctx, d.officer());
    reply(ctx, 201, actions.create(d.officer(), d.plan()));
  }

  private void template(RoutingContext ctx) {
    PlanKind kind;
    try {
      kind = PlanKind.valueOf(ctx.pathParam("kind"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no template " + ctx.pathParam("kind"));
    }
    Bodies.reply(ctx, 200, PlanTemplates.template(kind, actions.bureau(), clock.instant()));
  }

  private void fromNetwork(RoutingContext ctx) {
    FromNetwork r = Bodies.read(ctx, FromNetwork.class);
    Principals.requireSelf(ctx, r.officer());
    networks
        .detail(r.networkId())
        .map(
            d ->
                d.orElseThrow(
                    () ->
                        ApiException.unprocessable(
                            "unknown-network", "no network " + r.networkId(), "/networkId")))
        .compose(
            d ->
                actions.create(
                    r.officer(),
                    PlanTemplates.fromNetwork(
                        d.network(), actions.bureau(), r.bureaus(), clock.instant())))
        .compose(rec -> blocking(() -> view(rec)))
        .onSuccess(v -> Bodies.reply(ctx, 201, v))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    found(ctx.pathParam("id"))
        .compose(rec -> blocking(() -> view(rec)))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void revise(RoutingContext ctx) {
    PlanDraft d = Bodies.read(ctx, PlanDraft.class);
    Principals.requireSelf(ctx, d.officer());
    reply(ctx, 200, actions.revise(ctx.pathParam("id"), d.officer(), d.plan()));
  }

  private void cloneOf(RoutingContext ctx) {
    CloneRequest r = Bodies.read(ctx, CloneRequest.class);
    Principals.requireSelf(ctx, r.officer());
    found(ctx.pathParam("id"))
        .compose(rec -> blocking(() -> readable(rec)))
        .compose(
            past ->
                actions.create(
                    r.officer(), PlanTemplates.cloneOf(past, actions.bureau(), clock.instant())))
        .compose(rec -> blocking(() -> view(rec)))
        .onSuccess(v -> Bodies.reply(ctx, 201, v))
        .onFailure(ctx::fail);
  }

  private void checklist(RoutingContext ctx) {
    found(ctx.pathParam("id"))
        .compose(rec -> blocking(() -> PlanTemplates.checklist(readable(rec))))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  private void print(RoutingContext ctx) {
    found(ctx.pathParam("id"))
        .compose(rec -> blocking(() -> PrintPage.html(view(rec))))
        .onSuccess(
            html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html))
        .onFailure(ctx::fail);
  }

  private void step(RoutingContext ctx) {
    StepRequest r = Bodies.read(ctx, StepRequest.class);
    Principals.requireSelf(ctx, r.officer());
    Principal p = ctx.get(Principal.KEY);
    if (r.event() == PlanEvent.APPROVE && !p.roles().contains(Role.CHIEF)) {
      throw new ApiException(
          Problem.of(
              "chief-only",
              "Chief only",
              403,
              "a plan is approved by the bureau's chief",
              "/event"));
    }
    String id = ctx.pathParam("id");
    Future<Void> ready =
        r.event() == PlanEvent.PROPOSE
            ? found(id)
                .compose(rec -> blocking(() -> PlanTemplates.checklist(readable(rec))))
                .map(
                    c -> {
                      if (!c.ready()) {
                        throw ApiException.unprocessable(
                            "plan-incomplete",
                            "before proposing: "
                                + String.join(
                                    "；", c.missing().stream().map(i -> i.message()).toList()),
                            c.missing().get(0).field());
                      }
                      return null;
                    })
            : Future.succeededFuture();
    reply(ctx, 200, ready.compose(v -> actions.step(id, r)));
  }

  private void conflicts(RoutingContext ctx) {
    int limit = Bodies.intParam(ctx, "limit", 100, 1, maxPage);
    deconfliction
        .mine(limit)
        .onSuccess(list -> Bodies.reply(ctx, 200, new ConflictPage(list.size(), list)))
        .onFailure(ctx::fail);
  }

  private Future<PlanRecord> found(String id) {
    return actions.record(id).map(o -> o.orElseThrow(() -> ApiException.notFound("no plan " + id)));
  }

  /** The plan text, or 403 when this bureau does not take part (it is sealed from it). */
  private PlanContent readable(PlanRecord rec) {
    PlanContent c = actions.sealing().content(rec);
    if (c == null) {
      throw new ApiException(
          Problem.of(
              "not-participant",
              "Not a participant",
              403,
              "bureau " + actions.bureau() + " does not take part in plan " + rec.id(),
              null));
    }
    return c;
  }

  private PlanView view(PlanRecord rec) {
    return PlanViews.view(rec, actions.sealing());
  }

  private void reply(RoutingContext ctx, int status, Future<PlanRecord> rec) {
    rec.compose(r -> blocking(() -> view(r)))
        .onSuccess(v -> Bodies.reply(ctx, status, v))
        .onFailure(ctx::fail);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
