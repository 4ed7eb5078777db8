package io.liaison.node.directory;

import io.liaison.api.lead.Directory;
import io.liaison.api.lead.DirectoryList;
import io.liaison.node.http.Bodies;
import io.vertx.ext.web.Router;

/** {@code GET /api/v1/directory} (every bureau's contacts), {@code PUT} (this bureau's). */
public final class DirectoryRoutes {
  private final DirectoryService directory;

  public DirectoryRoutes(DirectoryService directory) {
    this.directory = directory;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/directory")
        .handler(
            ctx ->
                directory
                    .all()
                    .onSuccess(l -> Bodies.reply(ctx, 200, new DirectoryList(l)))
                    .onFailure(ctx::fail));
    router
        .put("/api/v1/directory")
        .handler(
            ctx -> {
              Directory.Update u = Bodies.read(ctx, Directory.Update.class);
              directory
                  .publish(u.entries())
                  .onSuccess(d -> Bodies.reply(ctx, 200, d))
                  .onFailure(ctx::fail);
            });
  }
}
