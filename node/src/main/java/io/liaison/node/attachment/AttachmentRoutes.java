package io.liaison.node.attachment;

import io.liaison.api.BureauId;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/attachments} (raw bytes; {@code X-Filename} names it) → the reference to put
 * in a lead's {@code attachments}; {@code GET /api/v1/attachments/{sha256}?origin=<bureau>} → the
 * bytes, fetched from the origin node if this node has no copy.
 */
public final class AttachmentRoutes {
  private final AttachmentService attachments;

  public AttachmentRoutes(AttachmentService attachments) {
    this.attachments = attachments;
  }

  public void mount(Router router) {
    router
        .post("/api/v1/attachments")
        .handler(BodyHandler.create(false).setBodyLimit(AttachmentService.maxBytes()))
        .handler(
            ctx -> {
              // header values are ISO-8859-1: a Chinese file name comes percent-encoded (UTF-8)
              String raw = ctx.request().getHeader("X-Filename");
              String name = raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
              String type = ctx.request().getHeader("Content-Type");
              attachments
                  .put(ctx.body().buffer(), name == null ? "attachment" : name, type)
                  .onSuccess(ref -> Bodies.reply(ctx, 201, ref))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/attachments/:hash")
        .handler(
            ctx -> {
              String o = ctx.request().getParam("origin");
              BureauId origin;
              try {
                origin = o == null ? null : BureauId.of(o);
              } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(
                    "bad-parameter", "origin: " + e.getMessage(), "origin");
              }
              attachments
                  .get(ctx.pathParam("hash"), origin)
                  .onSuccess(
                      bytes ->
                          ctx.response()
                              .putHeader("Content-Type", "application/octet-stream")
                              .putHeader("X-Content-SHA256", ctx.pathParam("hash"))
                              .end(bytes))
                  .onFailure(ctx::fail);
            });
  }
}
