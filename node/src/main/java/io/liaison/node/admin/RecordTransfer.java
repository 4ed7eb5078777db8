package io.liaison.node.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.admin.RecordImport;
import io.liaison.node.domain.Malformed;
import io.liaison.node.http.Bodies;
import io.liaison.node.lead.LeadRecord;
import io.liaison.node.lead.LeadService;
import io.liaison.node.store.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Export and import of lead records as signed JSON Lines, one record per line: {@code {"id":…,
 * "record":[envelopes…]}}. Export ({@code GET /api/v1/admin/export/leads[?bureau=]}) streams what
 * the store holds; import ({@code POST /api/v1/admin/import/leads}) takes every line through the
 * same verification as a value read from the grid, so a forged or altered line is quarantined and
 * never stored.
 */
public final class RecordTransfer {
  private static final int MAX_IMPORT_BYTES = 64 * 1024 * 1024;

  private final StoreExecutor store;
  private final LeadService leads;

  public RecordTransfer(StoreExecutor store, LeadService leads) {
    this.store = store;
    this.leads = leads;
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/export/leads").handler(this::export);
    router
        .post("/api/v1/admin/import/leads")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_IMPORT_BYTES))
        .handler(this::importLines);
  }

  private void export(RoutingContext ctx) {
    String b = ctx.request().getParam("bureau");
    String origin;
    try {
      origin = b == null ? null : BureauId.of(b).code();
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad-parameter", "bureau: " + e.getMessage(), "bureau");
    }
    HttpServerResponse resp = ctx.response();
    resp.setChunked(true)
        .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"liaison-leads.jsonl\"");
    page(resp, origin, "").onSuccess(v -> resp.end()).onFailure(e -> resp.reset());
  }

  private Future<Void> page(HttpServerResponse resp, String origin, String after) {
    return store
        .call(s -> s.recordsAfter(LeadRecord.KIND, after, 500))
        .compose(
            rows -> {
              if (rows.isEmpty()) {
                return Future.succeededFuture();
              }
              for (var r : rows) {
                if (origin == null || origin.equals(r.origin())) {
                  resp.write("{\"id\":\"" + r.id() + "\",\"record\":" + r.body() + "}\n");
                }
              }
              return page(resp, origin, rows.get(rows.size() - 1).id());
            });
  }

  private void importLines(RoutingContext ctx) {
    String body = ctx.body().asString("UTF-8");
    if (body == null || body.isBlank()) {
      throw new Malformed("empty-body", "send JSON Lines: one {id, record} per line", null);
    }
    List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
    List<Future<Boolean>> results = new ArrayList<>();
    List<RecordImport.Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n;
      try {
        n = Json.mapper().readTree(lines.get(i));
      } catch (IOException e) {
        rejected.add(new RecordImport.Rejected(i + 1, "not JSON"));
        continue;
      }
      if (!n.hasNonNull("id") || !n.path("record").isArray()) {
        rejected.add(new RecordImport.Rejected(i + 1, "needs id and record"));
        continue;
      }
      results.add(leads.receive(n.get("id").asText(), n.get("record").toString()));
    }
    Future.join(results)
        .onComplete(
            ar -> {
              long taken = results.stream().filter(f -> f.succeeded() && f.result()).count();
              RecordImport out =
                  new RecordImport(
                      lines.size(),
                      taken,
                      results.size() - taken,
                      rejected,
                      "lines that fail verification are quarantined: see /api/v1/admin/quarantine");
              Bodies.reply(ctx, 200, out);
            });
  }
}
