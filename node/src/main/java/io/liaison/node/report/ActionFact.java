package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanState;
import io.liaison.node.action.PlanRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report needs of a joint action: its kind, the lead bureau, the participants, when the
 * lead bureau signed it complete (null while not complete, or cancelled) and each bureau's latest
 * signed results. All of it is readable on every node (the outline and results are not sealed).
 */
public record ActionFact(
    String id,
    PlanKind kind,
    BureauId lead,
    List<BureauId> participants,
    Instant completedAt,
    Map<BureauId, PlanResult> results) {
  public ActionFact {
    participants = List.copyOf(participants);
    results = Map.copyOf(results);
  }

  static ActionFact of(PlanRecord r) {
    Instant completed = null;
    if (r.state() == PlanState.COMPLETED || r.state() == PlanState.SUMMARIZED) {
      for (var env : r.envelopes()) {
        if ("COMPLETE".equals(env.payload().path("event").asText())) {
          completed = env.signedAt();
        }
      }
    }
    Map<BureauId, PlanResult> results = new TreeMap<>();
    r.results()
        .forEach(
            (b, sig) ->
                results.put(
                    b,
                    Json.mapper()
                        .convertValue(sig.envelope().payload().get("result"), PlanResult.class)));
    return new ActionFact(
        r.id(),
        r.outline().kind(),
        r.outline().leadBureau(),
        r.outline().participants(),
        completed,
        results);
  }
}
