package io.liaison.node.access;

import io.liaison.api.FieldException;
import io.liaison.api.access.AccessLog;
import io.liaison.api.access.AccessLogEntry;
import io.liaison.api.access.Me;
import io.liaison.api.access.OfficerList;
import io.liaison.node.http.ApiException;
import io.liaison.node.http.Bodies;
import io.liaison.node.store.StoreExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Sign-in ({@code /api/v1/auth/*}), officer enrolment ({@code /api/v1/admin/officers}) and the
 * access log ({@code /api/v1/admin/access-log}).
 */
public final class AuthRoutes {
  private final AuthService auth;
  private final StoreExecutor store;

  public AuthRoutes(AuthService auth, StoreExecutor store) {
    this.auth = auth;
    this.store = store;
  }

  /** Sign-in body. */
  public record Login(String officer, String password, String totp) {
    public Login {
      officer = FieldException.text(officer, "officer", 32);
      FieldException.required(password, "password");
      if (password != null && password.isEmpty()) {
        FieldException.invalid("password", "must not be empty");
      } else if (password != null && password.length() > 200) {
        FieldException.invalid("password", "must be at most 200 characters");
      }
      if (totp != null && !totp.matches("[0-9]{6}")) {
        FieldException.invalid("totp", "must be six digits");
      }
    }
  }

  /** Refresh body. */
  public record Refresh(String refreshToken) {
    public Refresh {
      refreshToken = FieldException.text(refreshToken, "refreshToken", 100);
    }
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/login").handler(this::login);
    router.post("/api/v1/auth/refresh").handler(this::refresh);
    router.post("/api/v1/auth/logout").handler(this::logout);
    router.get("/api/v1/auth/me").handler(ctx -> Bodies.reply(ctx, 200, me(ctx)));
    router.post("/api/v1/admin/officers").handler(this::enrol);
    router
        .get("/api/v1/admin/officers")
        .handler(
            ctx ->
                auth.officers()
                    .onSuccess(l -> Bodies.reply(ctx, 200, new OfficerList(l)))
                    .onFailure(ctx::fail));
    router.get("/api/v1/admin/access-log").handler(this::accessLog);
    router
        .get("/api/v1/admin/officers/:officer")
        .handler(
            ctx ->
                auth.officer(ctx.pathParam("officer"))
                    .onSuccess(m -> Bodies.reply(ctx, 200, m))
                    .onFailure(ctx::fail));
    router.post("/api/v1/admin/officers/:officer").handler(this::change);
  }

  /** Body of {@code POST /api/v1/admin/officers/{officer}}: what to change. */
  public record OfficerChange(AuthService.Change action, String password) {
    public OfficerChange {
      FieldException.required(action, "action");
      if (action == AuthService.Change.RESET_PASSWORD) {
        FieldException.required(password, "password");
        if (password.length() < 10 || password.length() > 200) {
          throw new FieldException("password", "must be 10 to 200 characters");
        }
      }
    }
  }

  private void change(RoutingContext ctx) {
    OfficerChange c = Bodies.read(ctx, OfficerChange.class);
    Principal p = ctx.get(Principal.KEY);
    auth.change(
            ctx.pathParam("officer"),
            c.action(),
            c.password() == null ? null : c.password().toCharArray(),
            p.officer())
        .onSuccess(m -> Bodies.reply(ctx, 200, m))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    Login l = Bodies.read(ctx, Login.class);
    auth.login(l.officer(), l.password().toCharArray(), l.totp())
        .onSuccess(t -> Bodies.reply(ctx, 200, t))
        .onFailure(ctx::fail);
  }

  private void refresh(RoutingContext ctx) {
    Refresh r = Bodies.read(ctx, Refresh.class);
    auth.refresh(r.refreshToken()).onSuccess(t -> Bodies.reply(ctx, 200, t)).onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Principal p = ctx.get(Principal.KEY);
    auth.logout(p).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static Me me(RoutingContext ctx) {
    Principal p = ctx.get(Principal.KEY);
    return new Me(p.officer(), p.name(), p.bureau(), p.roles());
  }

  private void enrol(RoutingContext ctx) {
    Officer o = Bodies.read(ctx, Officer.class);
    auth.enrol(o).onSuccess(m -> Bodies.reply(ctx, 201, m)).onFailure(ctx::fail);
  }

  private void accessLog(RoutingContext ctx) {
    long after = longParam(ctx, "after", 0);
    int limit = Bodies.intParam(ctx, "limit", 200, 1, 1000);
    String officer = ctx.request().getParam("officer");
    store
        .call(
            s ->
                s.officers().accessLog(after, officer, limit).stream()
                    .map(
                        a ->
                            new AccessLogEntry(
                                a.id(),
                                Instant.ofEpochMilli(a.at()),
                                a.officer(),
                                a.address(),
                                a.method(),
                                a.path(),
                                a.status(),
                                a.action()))
                    .toList())
        .onSuccess(items -> Bodies.reply(ctx, 200, new AccessLog(items)))
        .onFailure(ctx::fail);
  }

  private static long longParam(RoutingContext ctx, String name, long dflt) {
    String v = ctx.request().getParam(name);
    try {
      return v == null ? dflt : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad-parameter", name + " must be an integer", name);
    }
  }
}
