package io.liaison.node.access;

import io.liaison.api.Problem;
import io.liaison.node.http.ApiException;
import io.vertx.ext.web.RoutingContext;

/** Checks that tie a request's content to its signed-in officer. */
public final class Principals {
  private Principals() {}

  /**
   * The officer named in a request body must be the signed-in officer: nobody acts in another
   * officer's name (and, since officers belong to this node's bureau, never for another bureau).
   */
  public static void requireSelf(RoutingContext ctx, String officerInBody) {
    Principal p = ctx.get(Principal.KEY);
    if (p == null || !p.officer().equals(officerInBody)) {
      throw new ApiException(
          Problem.of(
              "impersonation",
              "Cannot act as another officer",
              403,
              "officer must be the signed-in officer" + (p == null ? "" : " " + p.officer()),
              "/officer"));
    }
  }
}
