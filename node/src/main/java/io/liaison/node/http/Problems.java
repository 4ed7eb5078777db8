package io.liaison.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import io.liaison.api.Problem;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.DomainException;
import io.liaison.node.domain.Invalid;
import io.liaison.node.domain.Malformed;
import io.liaison.node.domain.NotFound;
import io.liaison.node.domain.Refused;
import io.liaison.node.domain.Unavailable;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: RFC 9457 {@code application/problem+json}
 * with a stable {@code type}, a human title, the field at fault, and never a stack trace.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The router's failure handler. */
  public static void handle(RoutingContext ctx) {
    Problem p = toProblem(ctx.failure(), ctx.statusCode());
    if (p.status() >= 500 && p.status() != 503) {
      LOG.error(
          "request failed method={} path={} status={}",
          ctx.request().method(),
          ctx.request().path(),
          p.status(),
          ctx.failure());
    } else if (p.status() == 503) {
      LOG.warn(
          "request refused method={} path={} status=503 detail={}",
          ctx.request().method(),
          ctx.request().path(),
          p.detail());
    }
    if (ctx.failure() instanceof ApiException api && api.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", Long.toString(api.retryAfterSeconds()));
    }
    if (p.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"liaison\"");
    }
    if (p.field() != null && p.errors().isEmpty() && p.status() == 422) {
      // one invalid field: the list of every invalid field holds it too (clients read one place)
      p =
          new Problem(
              p.type(),
              p.title(),
              p.status(),
              p.detail(),
              p.field(),
              List.of(new Problem.FieldError(p.field(), p.detail())));
    }
    boolean chinese = ChineseProblems.wanted(ctx.request().getHeader("Accept-Language"));
    if (chinese) {
      p = ChineseProblems.translate(p);
    }
    ctx.response().putHeader("Content-Language", chinese ? "zh" : "en");
    send(ctx.response(), p);
  }

  public static void send(HttpServerResponse resp, Problem p) {
    if (resp.headWritten()) {
      resp.reset();
      return;
    }
    try {
      resp.setStatusCode(p.status())
          .putHeader("Content-Type", Problem.MEDIA_TYPE)
          .end(Json.mapper().writeValueAsString(p));
    } catch (JsonProcessingException e) {
      resp.setStatusCode(500).end();
    }
  }

  static Problem toProblem(Throwable failure, int status) {
    if (failure instanceof ApiException api) {
      return api.problem();
    }
    if (failure instanceof DomainException d) {
      return fromDomain(d);
    }
    if (failure instanceof FieldException fe) {
      return Problem.of("invalid-field", "Invalid content", 422, fe.getMessage(), "/" + fe.field());
    }
    if (failure instanceof JsonProcessingException jpe) {
      return fromJackson(jpe);
    }
    if (failure instanceof HttpException he) {
      return fromStatus(he.getStatusCode(), he.getPayload());
    }
    if (failure == null) {
      return fromStatus(status, null);
    }
    return Problem.of(
        "internal", "Internal error", 500, "the node could not complete the request", null);
  }

  /** A service's domain exception as the problem document of its kind. */
  static Problem fromDomain(DomainException d) {
    if (d instanceof NotFound) {
      return Problem.of(d.code(), "Not found", 404, d.detail(), d.field());
    }
    if (d instanceof Conflict c) {
      return Problem.of(d.code(), c.reason(), 409, d.detail(), d.field());
    }
    if (d instanceof Refused r) {
      return Problem.of(d.code(), r.reason(), 403, d.detail(), d.field());
    }
    if (d instanceof Invalid) {
      return Problem.of(d.code(), "Invalid content", 422, d.detail(), d.field());
    }
    if (d instanceof Malformed) {
      return Problem.of(d.code(), "Bad request", 400, d.detail(), d.field());
    }
    Unavailable u = (Unavailable) d;
    return Problem.of(d.code(), u.what(), 503, d.detail(), d.field());
  }

  private static Problem fromStatus(int status, String detail) {
    return switch (status) {
      case 413 -> Problem.of("body-too-large", "Request body too large", 413, detail, null);
      case 404 -> Problem.of("not-found", "Not found", 404, detail, null);
      case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, detail, null);
      case 415 ->
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "send Content-Type: application/json",
              null);
      case 400 -> Problem.of("bad-request", "Bad request", 400, detail, null);
      default ->
          status >= 400 && status < 500
              ? Problem.of("client-error", "Request refused", status, detail, null)
              : Problem.of("internal", "Internal error", 500, null, null);
    };
  }

  private static Problem fromJackson(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException sce) {
      return Problem.of(
          "limits-exceeded",
          "Request exceeds a limit",
          400,
          "the body exceeds a parsing limit: " + sce.getOriginalMessage(),
          null);
    }
    if (!(e instanceof DatabindException de)) {
      return Problem.of(
          "malformed-json",
          "Malformed JSON",
          400,
          "the body is not valid JSON: " + e.getOriginalMessage(),
          null);
    }
    String path = pointer((JsonMappingException) de);
    if (de instanceof ValueInstantiationException vie
        && vie.getCause() instanceof FieldException fe) {
      String field = path + "/" + fe.field();
      return Problem.of(
          "invalid-field", "Invalid content", 422, field + " " + fe.getMessage(), field);
    }
    if (de instanceof ValueInstantiationException vie && vie.getCause() != null) {
      return Problem.of(
          "invalid-field", "Invalid content", 422, path + ": " + vie.getCause().getMessage(), path);
    }
    if (de instanceof UnrecognizedPropertyException upe) {
      return Problem.of(
          "unknown-field",
          "Invalid content",
          422,
          "unknown field \"" + upe.getPropertyName() + "\"",
          path);
    }
    if (de instanceof InvalidFormatException ife) {
      return Problem.of(
          "wrong-type",
          "Invalid content",
          422,
          path + ": " + describe(ife.getValue()) + " is not a valid " + simple(ife.getTargetType()),
          path);
    }
    if (de instanceof MismatchedInputException mie) {
      return Problem.of(
          "wrong-type",
          "Invalid content",
          422,
          (path.isEmpty() ? "the body" : path) + " must be " + article(simple(mie.getTargetType())),
          path);
    }
    return Problem.of("invalid-content", "Invalid content", 422, de.getOriginalMessage(), path);
  }

  private static String pointer(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
        .map(s -> "/" + s)
        .collect(Collectors.joining());
  }

  private static String describe(Object value) {
    String s = String.valueOf(value);
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
  }

  private static String simple(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      StringBuilder sb = new StringBuilder("one of [");
      for (int i = 0; i < constants.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return sb.append(']').toString();
    }
    if (type == String.class) {
      return "string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "array";
    }
    if (type.isRecord()) {
      return "object";
    }
    return type.getSimpleName();
  }

  private static String article(String noun) {
    return noun.startsWith("one of") ? noun : (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
  }
}
