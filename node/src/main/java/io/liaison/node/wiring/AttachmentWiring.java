package io.liaison.node.wiring;

import io.liaison.node.attachment.AttachmentRoutes;
import io.liaison.node.attachment.AttachmentService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Attachments, stored by hash and fetched from the bureau that holds them. */
public final class AttachmentWiring implements Feature {
  private final AttachmentService attachments;

  public AttachmentWiring(Parts p) {
    this.attachments =
        new AttachmentService(p.vertx(), p.exec(), p.trust().bureau(), p.config().dataDir());
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new AttachmentRoutes(attachments)::mount);
  }

  @Override
  public Future<Void> load() {
    return attachments.listen().mapEmpty();
  }
}
