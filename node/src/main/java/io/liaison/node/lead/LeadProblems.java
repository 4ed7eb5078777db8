package io.liaison.node.lead;

import io.liaison.api.lead.LeadEvent;
import io.liaison.node.cluster.Quorum;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.DomainException;
import io.liaison.node.domain.Refused;
import io.liaison.node.domain.Unavailable;

/** The problems a transition request is answered with when it does not take effect. */
final class LeadProblems {
  private LeadProblems() {}

  /**
   * Refused (403 transition-forbidden) or a conflict (409 illegal-transition), naming the state it
   * was refused on.
   */
  static DomainException refused(String kind, String message, LeadRecord current) {
    String detail =
        message
            + (current == null
                ? ""
                : " [state "
                    + current.status().state()
                    + ", version "
                    + current.status().version()
                    + "]");
    return "FORBIDDEN".equals(kind)
        ? new Refused("transition-forbidden", "Not allowed for this bureau", detail)
        : new Conflict("illegal-transition", "Illegal state transition", detail);
  }

  /** A 503 "Grid not available" of {@code type}. */
  static Unavailable unavailable(String type, String detail) {
    return new Unavailable(type, "Grid not available", detail);
  }

  /** 503 no-majority: {@code event} needs a majority of the cluster that this node does not see. */
  static Unavailable noMajority(LeadEvent event, Quorum quorum) {
    return new Unavailable(
        "no-majority",
        "Cluster majority not reachable",
        event
            + " needs a majority of the cluster ("
            + quorum.needed()
            + " members); this node sees "
            + quorum.present()
            + ". Try again when the link is back.");
  }
}
