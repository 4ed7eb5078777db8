package io.liaison.node.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.StepRequest;
import io.liaison.node.domain.Conflict;
import io.liaison.node.domain.Invalid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The payloads of plan steps, before signing: a version (outline in clear with its deconfliction
 * marks, plan text sealed to the participants) and every other step (approval naming the exact
 * version it signs, briefing and follow-up sealed, results, summary, reason).
 */
final class PlanSteps {
  private PlanSteps() {}

  static ObjectNode version(
      String id,
      PlanEvent event,
      String officer,
      int version,
      PlanContent plan,
      PlanSealing sealing,
      Instant at) {
    ObjectNode p = PlanRecord.payload(id, event, officer, version);
    PlanOutline outline =
        new PlanOutline(
            plan.kind(),
            plan.leadBureau(),
            plan.participants(),
            plan.area(),
            plan.window(),
            Marks.targets(plan),
            Marks.places(plan));
    p.set("outline", Json.mapper().valueToTree(outline));
    try {
      p.set("sealed", sealing.seal(id, plan, plan.participants(), at));
    } catch (IllegalArgumentException e) {
      throw new Invalid("unknown-bureau", e.getMessage(), "/plan/commitments");
    }
    return p;
  }

  static ObjectNode step(PlanRecord rec, StepRequest r, PlanSealing sealing, Instant at) {
    if (r.version() != null && r.version() != rec.version()) {
      throw new Conflict(
          "stale-version",
          "the plan is at version " + rec.version() + ", not " + r.version() + "; read it again");
    }
    ObjectNode p = PlanRecord.payload(rec.id(), r.event(), r.officer(), rec.version());
    switch (r.event()) {
      case APPROVE -> {
        p.put("versionHash", rec.versionEnvelope().hash());
        p.put("role", "CHIEF");
      }
      case BRIEF, FOLLOW_UP -> {
        p.set(
            "sealed",
            sealing.seal(rec.id(), Map.of("text", r.text()), rec.outline().participants(), at));
        if (r.event() == PlanEvent.FOLLOW_UP) {
          Instant due = r.due() != null ? r.due() : at.plus(7, ChronoUnit.DAYS);
          p.put("due", due.toString());
        }
      }
      case REPORT_RESULT -> p.set("result", Json.mapper().valueToTree(r.result()));
      case SUMMARIZE ->
          p.set(
              "sealed",
              sealing.seal(
                  rec.id(), Map.of("summary", r.summary()), rec.outline().participants(), at));
      case CANCEL -> p.put("reason", r.text());
      case FOLLOW_UP_DONE -> p.put("followUp", r.followUp());
      default -> {}
    }
    return p;
  }
}
