package io.liaison.node.imports;

import io.liaison.api.Problem;
import io.liaison.api.cases.imports.ImportJobs;
import io.liaison.api.cases.imports.ImportMapping;
import io.liaison.node.access.Principal;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * HTTP endpoints of register imports: {@code GET|PUT /api/v1/cases/imports/mapping} (the bureau's
 * column mapping), {@code POST /api/v1/cases/imports} (the file as the body, {@code text/csv} or
 * XLSX, streamed to disk; {@code ?goodRowsOnly=true}, {@code ?charset=GBK}, {@code ?fileName=};
 * answers 202 with the job), {@code GET /api/v1/cases/imports} and {@code GET
 * /api/v1/cases/imports/{id}} (progress and errors). Mounted before the case routes, whose {@code
 * /api/v1/cases/:id} would take {@code imports}.
 */
public final class ImportRoutes {
  public static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Vertx vertx;
  private final CaseImports imports;

  public ImportRoutes(Vertx vertx, CaseImports imports) {
    this.vertx = vertx;
    this.imports = imports;
  }

  public void mount(Router router) {
    router.get("/api/v1/cases/imports/mapping").handler(this::mapping);
    router.put("/api/v1/cases/imports/mapping").handler(this::saveMapping);
    router.post("/api/v1/cases/imports").handler(this::upload);
    router.get("/api/v1/cases/imports").handler(this::list);
    router.get("/api/v1/cases/imports/:id").handler(this::job);
  }

  private void mapping(RoutingContext ctx) {
    imports.mapping().onSuccess(m -> Bodies.reply(ctx, 200, m)).onFailure(ctx::fail);
  }

  private void saveMapping(RoutingContext ctx) {
    ImportMapping m = Bodies.read(ctx, ImportMapping.class);
    imports.saveMapping(m).onSuccess(v -> Bodies.reply(ctx, 200, v)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    int limit = Bodies.intParam(ctx, "limit", 20, 1, 200);
    imports
        .jobs(limit)
        .onSuccess(l -> Bodies.reply(ctx, 200, new ImportJobs(l)))
        .onFailure(ctx::fail);
  }

  private void job(RoutingContext ctx) {
    imports.job(ctx.pathParam("id")).onSuccess(j -> Bodies.reply(ctx, 200, j)).onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    // held until the file is open: the body must not flow past before the pipe is set up
    req.pause();
    String type = req.getHeader("Content-Type");
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    String format =
        t.startsWith("text/csv")
            ? RegisterFile.CSV
            : t.startsWith(XLSX_TYPE) ? RegisterFile.XLSX : null;
    if (format == null) {
      throw new ApiException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "send the register as text/csv (UTF-8 or GBK) or " + XLSX_TYPE,
              null));
    }
    Charset charset = charset(req.getParam("charset"), type);
    String length = req.getHeader("Content-Length");
    if (length != null && contentLength(length) > CaseImports.maxBytes()) {
      throw tooLarge(req);
    }
    boolean goodOnly = "true".equalsIgnoreCase(req.getParam("goodRowsOnly"));
    String fileName = req.getParam("fileName");
    Principal p = ctx.get(Principal.KEY);
    String officer = p == null ? null : p.officer();
    CaseImports.Upload up;
    try {
      up = imports.newUpload(format);
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep the upload: " + e.getMessage(), e);
    }
    vertx
        .fileSystem()
        .open(up.file().toString(), new OpenOptions().setWrite(true).setCreateNew(true))
        // counted as it comes (a chunked body announces no length): refused at the first byte
        // past the limit, before it reaches the disk
        .compose(file -> new CappedBody(req, CaseImports.maxBytes()).pipeTo(file))
        .recover(e -> Future.failedFuture(e instanceof CappedBody.TooLarge ? tooLarge(req) : e))
        .compose(v -> vertx.fileSystem().props(up.file().toString()))
        .compose(
            props -> {
              if (props.size() == 0) {
                return Future.failedFuture(
                    ApiException.badRequest("empty-body", "the request body is empty", null));
              }
              return imports.start(up, format, charset, fileName, goodOnly, officer);
            })
        .onSuccess(
            j -> {
              ctx.response().putHeader("Location", "/api/v1/cases/imports/" + j.id());
              Bodies.reply(ctx, 202, j);
            })
        .onFailure(
            e -> {
              vertx.fileSystem().delete(up.file().toString());
              ctx.fail(e);
            });
  }

  /** The announced length; a length that is not a number is a bad request (400). */
  private static long contentLength(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "bad-header", "Content-Length is not a number: " + s, "Content-Length");
    }
  }

  /**
   * 413 for a register over the limit; the connection is closed once it is answered, so that the
   * rest of the body is never read.
   */
  private static ApiException tooLarge(HttpServerRequest req) {
    req.response().putHeader("Connection", "close");
    req.response().endHandler(v -> req.connection().close());
    return new ApiException(
        Problem.of(
            "body-too-large",
            "Request body too large",
            413,
            "a register is at most " + CaseImports.maxBytes() / (1024 * 1024) + " MiB",
            null));
  }

  /** {@code ?charset=} or the Content-Type's charset, or null (told from the file). */
  private static Charset charset(String param, String contentType) {
    String name = param;
    if (name == null && contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          name = p.substring(8).replace("\"", "").strip();
        }
      }
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ApiException.badRequest(
          "bad-parameter", "charset: UTF-8 or GBK, not " + name, "charset");
    }
  }
}
