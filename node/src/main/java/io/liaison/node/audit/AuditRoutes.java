package io.liaison.node.audit;

import io.liaison.api.BureauId;
import io.liaison.api.audit.ChainReport;
import io.liaison.crypto.ChainVerdict;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Audit endpoints: {@code GET /api/v1/audit/chains/{bureau}} verifies a bureau's chain from the
 * entries this node verified and stored; {@code GET /api/v1/audit/export} streams this node's
 * evidence as JSON Lines (every chain entry it stores and every envelope of every stored record),
 * the input of {@code liaison-node audit <file>}.
 */
public final class AuditRoutes {
  private final AuditService audit;
  private final StoreExecutor store;

  public AuditRoutes(AuditService audit, StoreExecutor store) {
    this.audit = audit;
    this.store = store;
  }

  public void mount(Router router) {
    router.get("/api/v1/audit/chains/:bureau").handler(this::verify);
    router.get("/api/v1/audit/export").handler(this::export);
  }

  private void verify(RoutingContext ctx) {
    BureauId bureau;
    try {
      bureau = BureauId.of(ctx.pathParam("bureau"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad-parameter", "bureau: " + e.getMessage(), "bureau");
    }
    audit.verify(bureau).onSuccess(v -> Bodies.reply(ctx, 200, verdict(v))).onFailure(ctx::fail);
  }

  static ChainReport verdict(ChainVerdict v) {
    return new ChainReport(
        v.bureau(),
        v.intact(),
        v.status().name(),
        v.entries(),
        v.headSeq(),
        v.position(),
        v.detail(),
        v.describe());
  }

  private void export(RoutingContext ctx) {
    HttpServerResponse resp = ctx.response();
    resp.setChunked(true)
        .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"liaison-audit.jsonl\"");
    audit
        .export(l -> resp.write(l + "\n"))
        .compose(v -> exportRecords(resp, ""))
        .onSuccess(v -> resp.end())
        .onFailure(e -> resp.reset());
  }

  private Future<Void> exportRecords(HttpServerResponse resp, String after) {
    return store
        .call(s -> s.recordsAfter("lead", after, 500))
        .compose(
            rows -> {
              if (rows.isEmpty()) {
                return Future.succeededFuture();
              }
              for (var r : rows) {
                for (String line : ExportLines.envelopes(r.body())) {
                  resp.write(line + "\n");
                }
              }
              return exportRecords(resp, rows.get(rows.size() - 1).id());
            });
  }
}
