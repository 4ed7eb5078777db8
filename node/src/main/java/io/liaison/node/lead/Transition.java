package io.liaison.node.lead;

import io.liaison.api.BureauId;
import io.liaison.api.lead.TransitionRequest;
import java.time.Instant;
import java.util.Objects;

/** One transition as the lifecycle sees it: who (bureau, officer), when, and what. */
public record Transition(BureauId actor, Instant at, TransitionRequest request) {
  public Transition {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(request, "request");
  }
}
