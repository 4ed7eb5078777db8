package io.liaison.node.admin;

import io.liaison.api.admin.BackupResult;
import io.liaison.api.admin.QuarantinePage;
import io.liaison.api.admin.RosterPublished;
import io.liaison.crypto.RosterView;
import io.liaison.crypto.SignedRoster;
import io.liaison.node.http.Bodies;
import io.liaison.node.store.StoreExecutor;
import io.liaison.node.trust.Quarantine;
import io.liaison.node.trust.RosterService;
import io.liaison.node.trust.TrustService;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Administration and trust endpoints: quarantine listing, the roster in force. */
public final class AdminRoutes {
  private final Quarantine quarantine;
  private final TrustService trust;
  private final RosterService rosters;
  private final StoreExecutor store;
  private final Path backups;

  public AdminRoutes(
      Quarantine quarantine,
      TrustService trust,
      RosterService rosters,
      StoreExecutor store,
      Path backups) {
    this.store = store;
    this.backups = backups;
    this.quarantine = quarantine;
    this.trust = trust;
    this.rosters = rosters;
  }

  public void mount(Router router) {
    router
        .post("/api/v1/admin/backup")
        .handler(
            ctx -> {
              String name =
                  "liaison-"
                      + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                          .withZone(ZoneOffset.UTC)
                          .format(Instant.now())
                      + ".db";
              Path target = backups.resolve(name);
              store
                  .alone(
                      s -> {
                        s.backup(target);
                        return target;
                      })
                  .onSuccess(
                      p ->
                          Bodies.reply(
                              ctx,
                              201,
                              new BackupResult(
                                  p.toString(),
                                  p.toFile().length(),
                                  "stop the node, copy this file over <dataDir>/liaison.db"
                                      + " (and delete liaison.db-wal), start the node: it"
                                      + " reconciles with the cluster")))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/admin/quarantine")
        .handler(
            ctx -> {
              int limit = Bodies.intParam(ctx, "limit", 100, 1, 1000);
              quarantine
                  .count()
                  .compose(n -> quarantine.list(limit).map(items -> new QuarantinePage(n, items)))
                  .onSuccess(out -> Bodies.reply(ctx, 200, out))
                  .onFailure(ctx::fail);
            });
    router
        .post("/api/v1/admin/roster")
        .handler(
            ctx -> {
              SignedRoster signed = Bodies.read(ctx, SignedRoster.class);
              rosters
                  .publish(signed)
                  .onSuccess(
                      r ->
                          Bodies.reply(
                              ctx, 202, new RosterPublished(r.version(), r.members().size())))
                  .onFailure(ctx::fail);
            });
    router
        .get("/api/v1/roster")
        .handler(
            ctx -> {
              Bodies.reply(ctx, 200, RosterView.of(trust.roster(), trust.bureau()));
            });
  }
}
