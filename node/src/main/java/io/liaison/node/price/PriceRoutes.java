package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.Problem;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.Dimension;
import io.liaison.api.price.FindingsRequest;
import io.liaison.api.price.ImportResult;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceList;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * HTTP endpoints of price agreements and mutual price checks, under {@code /api/v1/price}: groups,
 * agreements, settings, checks (plan, record findings, import a sheet), figures (compliance, repeat
 * deviators, cross-border gaps) and meetings. Short handlers: each reads a typed request and hands
 * it to {@link PriceWrites} or {@link PriceFigures}; figures and sheet parsing run on a worker
 * thread.
 */
public final class PriceRoutes {
  /** Sheets may be larger than the API's JSON body limit. */
  public static final long MAX_SHEET_BYTES = 16L * 1024 * 1024;

  private final Vertx vertx;
  private final PriceService service;
  private final PriceWrites writes;
  private final PriceFigures figures;

  public PriceRoutes(Vertx vertx, PriceService service) {
    this.vertx = vertx;
    this.service = service;
    this.writes = new PriceWrites(service);
    this.figures = new PriceFigures(service.book());
  }

  public void mount(Router router) {
    String base = "/api/v1/price";
    router.get(base + "/groups").handler(this::groups);
    router.get(base + "/groups/:id").handler(this::group);
    router.put(base + "/groups/:id").handler(this::saveGroup);
    router.get(base + "/agreements").handler(this::agreements);
    router.get(base + "/agreements/:groupId").handler(this::agreement);
    router.post(base + "/agreements").handler(this::addAgreement);
    router.get(base + "/settings/:bureau").handler(this::settings);
    router.put(base + "/settings").handler(this::saveSettings);
    router.get(base + "/checks").handler(this::checks);
    router.post(base + "/checks").handler(this::plan);
    router.get(base + "/checks/:id").handler(this::check);
    router.post(base + "/checks/:id/findings").handler(this::record);
    router
        .post(base + "/checks/:id/import")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_SHEET_BYTES))
        .handler(this::importSheet);
    router.get(base + "/compliance").handler(this::compliance);
    router.get(base + "/deviators").handler(this::deviators);
    router.get(base + "/gaps").handler(this::gaps);
    router.get(base + "/meetings").handler(this::meetings);
    router.post(base + "/meetings").handler(this::recordMeeting);
  }

  private void groups(RoutingContext ctx) {
    reply(ctx, new PriceList<>(service.book().groups(bureau(ctx, "bureau"))));
  }

  private void group(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    reply(ctx, service.book().group(id).orElseThrow(() -> ApiException.notFound("no group " + id)));
  }

  private void saveGroup(RoutingContext ctx) {
    SelfDisciplineGroup g = Bodies.read(ctx, SelfDisciplineGroup.class);
    if (!g.id().equals(ctx.pathParam("id"))) {
      throw ApiException.unprocessable("id-mismatch", "the body's id is not the path's", "/id");
    }
    writes.saveGroup(g).onSuccess(v -> reply(ctx, v)).onFailure(ctx::fail);
  }

  private void agreements(RoutingContext ctx) {
    reply(
        ctx,
        new PriceList<>(
            service.book().agreements(bureau(ctx, "bureau"), date(ctx, "on", today()))));
  }

  private void agreement(RoutingContext ctx) {
    String id = ctx.pathParam("groupId");
    reply(
        ctx,
        service
            .book()
            .agreement(id, date(ctx, "on", today()))
            .orElseThrow(() -> ApiException.notFound("no agreement of group " + id)));
  }

  private void addAgreement(RoutingContext ctx) {
    PriceAgreement a = Bodies.read(ctx, PriceAgreement.class);
    writes.addAgreement(a).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
  }

  private void settings(RoutingContext ctx) {
    BureauId b = bureau(ctx, "bureau");
    reply(ctx, service.book().settings(b));
  }

  private void saveSettings(RoutingContext ctx) {
    PriceSettings s = Bodies.read(ctx, PriceSettings.class);
    writes.saveSettings(s).onSuccess(v -> reply(ctx, v)).onFailure(ctx::fail);
  }

  private void checks(RoutingContext ctx) {
    reply(ctx, new PriceList<>(service.book().checks()));
  }

  private void plan(RoutingContext ctx) {
    CheckPlan p = Bodies.read(ctx, CheckPlan.class);
    writes
        .plan(p)
        .onSuccess(
            v -> {
              ctx.response().putHeader("Location", "/api/v1/price/checks/" + v.id());
              Bodies.reply(ctx, 201, v);
            })
        .onFailure(ctx::fail);
  }

  private void check(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    service
        .check(id)
        .map(c -> c.orElseThrow(() -> ApiException.notFound("no check " + id)))
        .onSuccess(v -> reply(ctx, v))
        .onFailure(ctx::fail);
  }

  private void record(RoutingContext ctx) {
    FindingsRequest r = Bodies.read(ctx, FindingsRequest.class);
    writes.record(ctx.pathParam("id"), r).onSuccess(v -> reply(ctx, v)).onFailure(ctx::fail);
  }

  /** Body: the sheet (text/csv or XLSX); {@code ?officer=} who records it. */
  private void importSheet(RoutingContext ctx) {
    String officer = ctx.request().getParam("officer");
    if (officer == null || officer.isBlank()) {
      throw ApiException.badRequest("bad-parameter", "officer: who records the sheet", "officer");
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null
        || !(type.toLowerCase(Locale.ROOT).startsWith(CheckSheet.CSV)
            || type.toLowerCase(Locale.ROOT).startsWith(CheckSheet.XLSX))) {
      throw new ApiException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "send the sheet as text/csv (UTF-8) or " + CheckSheet.XLSX,
              null));
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiException.badRequest("empty-body", "the request body is empty", null);
    }
    byte[] body = ctx.body().buffer().getBytes();
    String id = ctx.pathParam("id");
    vertx
        .executeBlocking(() -> CheckSheet.read(type, body), false)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof IOException
                        ? ApiException.unprocessable("invalid-sheet", e.getMessage(), null)
                        : e))
        .compose(
            parsed -> {
              if (!parsed.errors().isEmpty()) {
                throw invalidSheet(parsed.errors());
              }
              return writes
                  .record(id, new FindingsRequest(officer, parsed.visits()))
                  .map(
                      v ->
                          new ImportResult(
                              parsed.rows(), parsed.visits().size(), parsed.items(), v));
            })
        .onSuccess(v -> reply(ctx, v))
        .onFailure(ctx::fail);
  }

  /** 422 naming each bad row and column as {@code /rows/<row>/<column>}. */
  static ApiException invalidSheet(List<CheckSheet.RowError> errors) {
    List<Problem.FieldError> list =
        errors.stream()
            .limit(1000)
            .map(e -> new Problem.FieldError("/rows/" + e.row() + "/" + e.column(), e.message()))
            .toList();
    return new ApiException(
        new Problem(
            URI.create(Problem.TYPE_BASE + "invalid-sheet"),
            "Invalid sheet",
            422,
            errors.size() + " bad cell(s); nothing was recorded",
            list.get(0).field(),
            list));
  }

  private void compliance(RoutingContext ctx) {
    Dimension by;
    try {
      by = Dimension.valueOf(ctx.request().getParam("by", "COUNTY").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "bad-parameter", "by is one of COUNTY, GROUP, BRAND, MONTH, QUARTER", "by");
    }
    LocalDate to = date(ctx, "to", today());
    LocalDate from = date(ctx, "from", to.minusDays(89));
    checkRange(from, to);
    BureauId b = bureau(ctx, "bureau");
    Dimension dim = by;
    blocking(ctx, () -> figures.compliance(dim, from, to, b));
  }

  private void deviators(RoutingContext ctx) {
    LocalDate to = date(ctx, "to", today());
    LocalDate from = date(ctx, "from", to.minusDays(364));
    checkRange(from, to);
    BureauId b = bureau(ctx, "bureau");
    int min = Bodies.intParam(ctx, "min", 2, 1, 1000);
    blocking(ctx, () -> new PriceList<>(figures.deviators(from, to, b, min)));
  }

  private void gaps(RoutingContext ctx) {
    LocalDate to = date(ctx, "to", today());
    LocalDate from = date(ctx, "from", to.minusDays(89));
    checkRange(from, to);
    List<String> given = ctx.queryParam("pair");
    List<BorderPairs.Pair> pairs;
    try {
      pairs =
          given.isEmpty()
              ? service.book().borderPairs()
              : given.stream().map(BorderPairs.Pair::parse).toList();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", "pair: " + e.getMessage(), "pair");
    }
    blocking(ctx, () -> new PriceList<>(figures.gaps(from, to, pairs)));
  }

  private void meetings(RoutingContext ctx) {
    reply(ctx, new PriceList<>(service.book().meetings()));
  }

  private void recordMeeting(RoutingContext ctx) {
    PriceMeeting m = Bodies.read(ctx, PriceMeeting.class);
    writes.recordMeeting(m).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
  }

  private <T> void blocking(RoutingContext ctx, Callable<T> work) {
    vertx.executeBlocking(work, false).onSuccess(v -> reply(ctx, v)).onFailure(ctx::fail);
  }

  private static void reply(RoutingContext ctx, Object v) {
    Bodies.reply(ctx, 200, v);
  }

  private static LocalDate today() {
    return LocalDate.now(PriceBook.ZONE);
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ApiException.badRequest("bad-parameter", "to must not be before from", "to");
    }
    if (from.plusYears(10).isBefore(to)) {
      throw ApiException.badRequest("bad-parameter", "at most ten years at a time", "from");
    }
  }

  private static LocalDate date(RoutingContext ctx, String name, LocalDate dflt) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad-parameter", name + " is a date, e.g. 2026-10-03", name);
    }
  }

  private static BureauId bureau(RoutingContext ctx, String name) {
    String v = ctx.pathParam(name) != null ? ctx.pathParam(name) : ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return BureauId.of(v.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", name + ": " + e.getMessage(), name);
    }
  }
}
