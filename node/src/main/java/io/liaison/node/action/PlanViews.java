package io.liaison.node.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanEvent;
import io.liaison.api.action.PlanResult;
import io.liaison.api.action.PlanState;
import io.liaison.api.action.PlanView;
import io.liaison.crypto.SignedEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A plan record as this node may show it: the plan text, briefings and follow-up tasks opened where
 * this bureau takes part; for any other bureau only the outline (who, kind, area, window), the
 * state and the proofs. Opening is HPKE work: call off the event loop.
 */
public final class PlanViews {
  private PlanViews() {}

  public static PlanView view(PlanRecord rec, PlanSealing sealing) {
    PlanContent content = sealing.content(rec);
    boolean sealed = content == null;
    List<PlanView.Approval> approvals = new ArrayList<>();
    for (PlanRecord.Signature a : rec.approvals()) {
      approvals.add(
          new PlanView.Approval(
              a.bureau(),
              a.officer(),
              a.envelope().signedAt(),
              a.version(),
              a.version() == rec.version(),
              a.envelope().hash()));
    }
    List<PlanView.BureauResult> results = new ArrayList<>();
    rec.results().values().stream()
        .sorted(Comparator.comparing(s -> s.bureau().code()))
        .forEach(
            s ->
                results.add(
                    new PlanView.BureauResult(
                        s.bureau(),
                        s.officer(),
                        s.envelope().signedAt(),
                        PlanRecord.result(s.envelope()))));
    List<PlanView.Briefing> briefings = new ArrayList<>();
    for (SignedEnvelope b : rec.briefings()) {
      briefings.add(
          new PlanView.Briefing(
              b.signer(),
              b.payload().path("officer").asText(),
              b.signedAt(),
              sealed ? null : sealing.text(rec, b)));
    }
    List<PlanView.FollowUp> followUps = new ArrayList<>();
    for (SignedEnvelope f : rec.followUps()) {
      Instant doneAt = rec.followUpsDone().get(f.hash());
      followUps.add(
          new PlanView.FollowUp(
              f.hash(),
              f.signer(),
              f.payload().path("officer").asText(),
              sealed ? null : sealing.text(rec, f),
              Instant.parse(f.payload().path("due").asText()),
              doneAt != null,
              doneAt));
    }
    List<PlanView.Step> history = new ArrayList<>();
    for (SignedEnvelope e : rec.envelopes()) {
      history.add(
          new PlanView.Step(
              PlanEvent.valueOf(e.payload().path("event").asText()),
              e.signer(),
              e.payload().path("officer").asText(),
              e.signedAt(),
              e.payload().path("version").asInt(),
              e.keyId(),
              e.hash()));
    }
    PlanOutline o = rec.outline();
    List<BureauId> awaiting = rec.state() == PlanState.PROPOSED ? rec.awaiting() : List.of();
    return new PlanView(
        rec.id(),
        o.leadBureau(),
        o.participants(),
        o.kind(),
        o.area(),
        o.window(),
        rec.state(),
        rec.version(),
        rec.versionEnvelope().hash(),
        sealed,
        content,
        approvals,
        awaiting,
        sealed ? List.of() : results,
        sealed ? PlanResult.ZERO : rec.total(),
        briefings,
        sealed ? null : sealing.summary(rec),
        followUps,
        rec.cancelReason(),
        history);
  }
}
