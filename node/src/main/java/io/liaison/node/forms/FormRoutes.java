package io.liaison.node.forms;

import io.liaison.api.forms.FormDraft;
import io.liaison.node.access.Principals;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/forms} (fill in a form of a lead or case), {@code GET /api/v1/forms?subject=}
 * (its forms), {@code GET /api/v1/forms/sheet?subject=} (them as XLSX), {@code GET
 * /api/v1/forms/:id} and {@code GET /api/v1/forms/:id/print} (the printable page in Chinese).
 */
public final class FormRoutes {
  private final Vertx vertx;
  private final FormService forms;

  public FormRoutes(Vertx vertx, FormService forms) {
    this.vertx = vertx;
    this.forms = forms;
  }

  public void mount(Router router) {
    router
        .post("/api/v1/forms")
        .handler(
            ctx -> {
              FormDraft f = Bodies.read(ctx, FormDraft.class);
              Principals.requireSelf(ctx, f.officer());
              forms.save(f).onSuccess(v -> Bodies.reply(ctx, 201, v)).onFailure(ctx::fail);
            });
    router
        .get("/api/v1/forms")
        .handler(
            ctx ->
                forms
                    .of(subject(ctx))
                    .onSuccess(p -> Bodies.reply(ctx, 200, p))
                    .onFailure(ctx::fail));
    router
        .get("/api/v1/forms/sheet")
        .handler(
            ctx -> {
              String subject = subject(ctx);
              forms
                  .of(subject)
                  .compose(p -> vertx.executeBlocking(() -> FormSheet.xlsx(p.items()), false))
                  .onSuccess(
                      bytes ->
                          ctx.response()
                              .putHeader("Content-Type", FormSheet.CONTENT_TYPE)
                              .putHeader(
                                  "Content-Disposition",
                                  "attachment; filename*=UTF-8''"
                                      + URLEncoder.encode(subject + ".xlsx", StandardCharsets.UTF_8)
                                          .replace("+", "%20"))
                              .end(Buffer.buffer(bytes)))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/forms/:id")
        .handler(
            ctx ->
                forms
                    .get(ctx.pathParam("id"))
                    .onSuccess(v -> Bodies.reply(ctx, 200, v))
                    .onFailure(ctx::fail));
    router
        .get("/api/v1/forms/:id/print")
        .handler(
            ctx ->
                forms
                    .get(ctx.pathParam("id"))
                    .map(FormPrint::html)
                    .onSuccess(
                        html ->
                            ctx.response()
                                .putHeader("Content-Type", "text/html; charset=utf-8")
                                .end(html))
                    .onFailure(ctx::fail));
  }

  private static String subject(RoutingContext ctx) {
    String s = ctx.request().getParam("subject");
    if (s == null || s.isBlank() || s.length() > 200) {
      throw ApiException.badRequest(
          "bad-parameter", "subject (a lead id or case id) is required", "subject");
    }
    return s;
  }
}
