package io.liaison.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;

/** Reading request bodies into wire types through the shared mapper. */
public final class Bodies {
  private Bodies() {}

  /**
   * Parses the JSON body into {@code type}. Failures (not JSON, wrong types, invalid fields) are
   * thrown as {@link ApiException}s with the problem (400/415/422) naming the field.
   */
  public static <T> T read(RoutingContext ctx, Class<T> type) {
    String ct = ctx.request().getHeader("Content-Type");
    if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "send the body as Content-Type: application/json",
              null));
    }
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
      throw ApiException.badRequest("empty-body", "the request body is empty", null);
    }
    try {
      // parse to a tree first, so nesting and size limits apply before any mapping
      var tree = Json.mapper().readTree(ctx.body().buffer().getBytes());
      if (tree == null || tree.isMissingNode()) {
        throw ApiException.badRequest("empty-body", "the request body holds no JSON value", null);
      }
      // shapes and each record's checks, every invalid field named at once
      return StrictBodies.map(tree, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(Problems.toProblem(e, 400));
    } catch (IOException e) {
      // e.g. bytes that are not UTF-8 (or a UTF-32 byte-order mark Jackson cannot decode)
      throw ApiException.badRequest("malformed-json", "the body is not UTF-8 encoded JSON", null);
    }
  }

  /** Writes {@code value} as JSON with {@code status}. */
  public static void reply(RoutingContext ctx, int status, Object value) {
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(Json.mapper().writeValueAsString(value));
    } catch (IOException e) {
      ctx.fail(e);
    }
  }

  /** An optional integer query parameter within [min, max]. */
  public static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
    String v = ctx.request().getParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw ApiException.badRequest(
            "bad-parameter", name + " must be between " + min + " and " + max, name);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad-parameter", name + " must be an integer", name);
    }
  }
}
