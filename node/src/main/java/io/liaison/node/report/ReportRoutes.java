package io.liaison.node.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import io.liaison.api.report.AckRequest;
import io.liaison.api.report.IssueRequest;
import io.liaison.api.report.Period;
import io.liaison.api.report.ReportList;
import io.liaison.crypto.CanonicalJson;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.tables.Table;
import io.liaison.node.tables.TableFiles;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP endpoints of the quarterly exchange under {@code /api/v1/reports}: issue this bureau's
 * briefing, list and read the reports held, the canonical briefing of any bureau computed here
 * ({@code /preview}), the regional side-by-side view, the file for offline verification, and
 * acknowledgements.
 */
public final class ReportRoutes {
  static final String FILE_FORMAT = "liaison.report/1";
  private final ReportService reports;

  public ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  public void mount(Router router) {
    String base = "/api/v1/reports";
    router.post(base).handler(this::issue);
    router.get(base).handler(this::list);
    router.get(base + "/preview").handler(this::preview);
    router.get(base + "/regional").handler(this::regional);
    router.get(base + "/:bureau/:period").handler(this::get);
    router.get(base + "/:bureau/:period/file").handler(this::file);
    router.post(base + "/:bureau/:period/acks").handler(this::acknowledge);
    router.get(base + "/:bureau/:period/xlsx").handler(this::xlsx);
    router.get(base + "/:bureau/:period/csv/:table").handler(this::csv);
    router.get(base + "/:bureau/:period/html").handler(this::html);
  }

  private void issue(RoutingContext ctx) {
    IssueRequest req = Bodies.read(ctx, IssueRequest.class);
    period(req.period(), "/period");
    reports.issue(req).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String p = ctx.request().getParam("period");
    Period period = p == null ? null : period(p, "period");
    reports
        .list(period)
        .onSuccess(l -> Bodies.reply(ctx, 200, new ReportList(l)))
        .onFailure(ctx::fail);
  }

  /** The canonical JSON (RFC 8785) of a bureau's briefing as this node computes it. */
  private void preview(RoutingContext ctx) {
    BureauId b = bureau(ctx.request().getParam("bureau", reports.bureau().code()), "bureau");
    Period p = period(ctx.request().getParam("period"), "period");
    String notes = ctx.request().getParam("notes", "");
    reports
        .compute(b, p, notes)
        .onSuccess(
            briefing ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(ReportService.canonical(briefing))))
        .onFailure(ctx::fail);
  }

  private void regional(RoutingContext ctx) {
    Period p = period(ctx.request().getParam("period"), "period");
    reports.regional(p).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    reports
        .view(pathBureau(ctx), period(ctx.pathParam("period"), "period"))
        .onSuccess(v -> Bodies.reply(ctx, 200, v))
        .onFailure(ctx::fail);
  }

  /**
   * The report as a file anyone verifies offline ({@code liaison report verify FILE}): the signed
   * envelope and the signed roster that holds the signer's key.
   */
  private void file(RoutingContext ctx) {
    BureauId b = pathBureau(ctx);
    Period p = period(ctx.pathParam("period"), "period");
    reports
        .envelope(b, p)
        .onSuccess(
            env -> {
              ObjectNode f = Json.mapper().createObjectNode();
              f.put("format", FILE_FORMAT);
              f.set("report", CanonicalJson.parse(env.toJson()));
              f.set("roster", CanonicalJson.parse(reports.trust().signedRoster().toJson()));
              ctx.response()
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader(
                      "Content-Disposition",
                      "attachment; filename=\"" + ReportService.key(b, p) + ".json\"")
                  .end(f.toPrettyString());
            })
        .onFailure(ctx::fail);
  }

  /** The signed report's tables as an XLSX workbook (one sheet per table, Chinese headers). */
  private void xlsx(RoutingContext ctx) {
    BureauId b = pathBureau(ctx);
    Period p = period(ctx.pathParam("period"), "period");
    reports
        .view(b, p)
        .onSuccess(
            v ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + ReportService.key(b, p) + ".xlsx\"")
                    .end(Buffer.buffer(ReportTables.xlsx(v.briefing()))))
        .onFailure(ctx::fail);
  }

  /** The signed report as a printable Chinese page (A4, charts as inline SVG, no script). */
  private void html(RoutingContext ctx) {
    BureauId b = pathBureau(ctx);
    Period p = period(ctx.pathParam("period"), "period");
    boolean download = "1".equals(ctx.request().getParam("download"));
    reports
        .page(b, p)
        .onSuccess(
            page -> {
              ctx.response().putHeader("Content-Type", "text/html; charset=utf-8");
              if (download) {
                ctx.response()
                    .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + ReportService.key(b, p) + ".html\"");
              }
              ctx.response().end(page);
            })
        .onFailure(ctx::fail);
  }

  /** One table of the signed report as CSV (UTF-8 with a byte-order mark). */
  private void csv(RoutingContext ctx) {
    BureauId b = pathBureau(ctx);
    Period p = period(ctx.pathParam("period"), "period");
    String id = ctx.pathParam("table");
    reports
        .view(b, p)
        .onSuccess(
            v -> {
              Table t =
                  ReportTables.of(v.briefing()).stream()
                      .filter(x -> x.id().equals(id))
                      .findFirst()
                      .orElse(null);
              if (t == null) {
                ctx.fail(
                    ApiException.notFound(
                        "no table "
                            + id
                            + " (leads, cases, major, transfers, prices, gaps, actions, networks, feedback,"
                            + " rewards, notes)"));
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "text/csv; charset=utf-8")
                  .putHeader(
                      "Content-Disposition",
                      "attachment; filename=\"" + ReportService.key(b, p) + "-" + id + ".csv\"")
                  .end(Buffer.buffer(TableFiles.csv(t)));
            })
        .onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    // the body first: a bad path must not hide the body's bad fields (HostileInputIT)
    AckRequest req = Bodies.read(ctx, AckRequest.class);
    BureauId b = pathBureau(ctx);
    Period p = period(ctx.pathParam("period"), "period");
    reports.acknowledge(b, p, req).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
  }

  private static BureauId pathBureau(RoutingContext ctx) {
    return bureau(ctx.pathParam("bureau"), "bureau");
  }

  private static BureauId bureau(String text, String field) {
    try {
      return BureauId.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", field + ": " + e.getMessage(), field);
    }
  }

  private static Period period(String text, String field) {
    try {
      return Period.parse(text);
    } catch (FieldException e) {
      if (field.startsWith("/")) {
        throw ApiException.unprocessable("invalid-field", e.getMessage(), field);
      }
      throw ApiException.badRequest("bad-parameter", field + ": " + e.getMessage(), field);
    }
  }
}
