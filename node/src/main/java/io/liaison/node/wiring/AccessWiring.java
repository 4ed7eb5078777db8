package io.liaison.node.wiring;

import io.liaison.node.access.AccessHandlers;
import io.liaison.node.access.AuthRoutes;
import io.liaison.node.access.AuthService;
import io.liaison.node.http.Admission;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;

/** Officers, sign-in and the access log: the filters every request passes, and their routes. */
public final class AccessWiring implements Feature {
  private final Parts parts;
  private final AuthService auth;
  private final AccessHandlers access;
  private final Admission admission;

  public AccessWiring(Parts p) {
    this.parts = p;
    this.auth =
        new AuthService(p.vertx(), p.exec(), p.trust().bureau(), p.config().security(), p.clock());
    this.access = new AccessHandlers(auth, p.exec(), p.config().security(), p.clock());
    this.admission = new Admission(p.config().limits().maxInFlightWrites(), p.registry());
  }

  /** The filters every request passes, in order. */
  public List<Handler<RoutingContext>> filters() {
    return List.of(
        access::limitAddress,
        access::log,
        admission::admit,
        access::authenticate,
        access::authorize);
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(new AuthRoutes(auth, parts.exec())::mount);
  }
}
