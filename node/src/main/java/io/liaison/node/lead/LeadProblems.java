package io.liaison.node.lead;

import io.liaison.api.Problem;
import io.liaison.api.lead.LeadEvent;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.http.ApiException;
import java.net.URI;
import java.util.List;

/** The problems a transition request is answered with when it does not take effect. */
final class LeadProblems {
  private LeadProblems() {}

  /** 403 transition-forbidden or 409 illegal-transition, naming the state it was refused on. */
  static ApiException refused(String kind, String message, LeadRecord current) {
    boolean forbidden = "FORBIDDEN".equals(kind);
    Problem p =
        new Problem(
            URI.create(
                Problem.TYPE_BASE + (forbidden ? "transition-forbidden" : "illegal-transition")),
            forbidden ? "Not allowed for this bureau" : "Illegal state transition",
            forbidden ? 403 : 409,
            message
                + (current == null
                    ? ""
                    : " [state "
                        + current.status().state()
                        + ", version "
                        + current.status().version()
                        + "]"),
            null,
            List.of());
    return new ApiException(p);
  }

  /** A 503 "Grid not available" of {@code type}. */
  static ApiException unavailable(String type, String detail) {
    return new ApiException(Problem.of(type, "Grid not available", 503, detail, null));
  }

  /** 503 no-majority: {@code event} needs a majority of the cluster that this node does not see. */
  static ApiException noMajority(LeadEvent event, Quorum quorum) {
    return new ApiException(
        Problem.of(
            "no-majority",
            "Cluster majority not reachable",
            503,
            event
                + " needs a majority of the cluster ("
                + quorum.needed()
                + " members); this node sees "
                + quorum.present()
                + ". Try again when the link is back.",
            null));
  }
}
