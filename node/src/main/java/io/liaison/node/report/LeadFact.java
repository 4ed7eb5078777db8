package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionView;
import io.liaison.node.lead.LeadRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the report needs of a lead: who posted it when, to whom, and each signed step (event, the
 * bureau that signed it, when, the outcome of a close). Taken from the verified lead record; the
 * content of a sealed lead is never needed.
 */
public record LeadFact(
    String id, BureauId origin, Instant postedAt, List<BureauId> targets, List<Step> steps) {
  public LeadFact {
    targets = List.copyOf(targets);
    steps = List.copyOf(steps);
  }

  /** One signed transition. */
  public record Step(LeadEvent event, BureauId bureau, Instant at, Outcome outcome) {
    static Step of(TransitionView t) {
      return new Step(t.event(), t.bureau(), t.at(), t.outcome());
    }
  }

  /** Whether the lead is addressed to {@code b}: named, or open to every member but its origin. */
  public boolean addressedTo(BureauId b) {
    return !b.equals(origin) && (targets.isEmpty() || targets.contains(b));
  }

  /**
   * A bureau's duty to give feedback: from its claim or accepted hand-over, due {@code deadline},
   * answered by its next feedback or close at {@code answeredAt} (null: not answered).
   */
  public record Obligation(BureauId bureau, Instant deadline, Instant answeredAt) {}

  /**
   * The feedback duties of this lead under a feedback period of {@code days} (none when 0). A duty
   * ends without an answer when the lead leaves the bureau (released, handed over to another,
   * withdrawn, expired): it counts as unanswered only if its deadline had passed by then.
   */
  public List<Obligation> obligations(int days) {
    if (days <= 0) {
      return List.of();
    }
    Duration period = Duration.ofDays(days);
    List<Obligation> out = new ArrayList<>();
    Map<BureauId, Instant> owed = new LinkedHashMap<>();
    for (Step s : steps) {
      switch (s.event()) {
        case CLAIM -> owed.putIfAbsent(s.bureau(), s.at());
        case ACCEPT_HANDOVER -> {
          leave(owed, out, period, s.at(), b -> !b.equals(s.bureau()));
          owed.putIfAbsent(s.bureau(), s.at());
        }
        case FEEDBACK, CLOSE -> {
          Instant since = owed.remove(s.bureau());
          if (since != null) {
            out.add(new Obligation(s.bureau(), since.plus(period), s.at()));
          }
        }
        case RELEASE -> leave(owed, out, period, s.at(), b -> b.equals(s.bureau()));
        case WITHDRAW, EXPIRE -> leave(owed, out, period, s.at(), b -> true);
        default -> {}
      }
    }
    owed.forEach((b, since) -> out.add(new Obligation(b, since.plus(period), null)));
    return out;
  }

  private static void leave(
      Map<BureauId, Instant> owed,
      List<Obligation> out,
      Duration period,
      Instant at,
      Predicate<BureauId> which) {
    var it = owed.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (which.test(e.getKey())) {
        Instant deadline = e.getValue().plus(period);
        if (deadline.isBefore(at)) {
          out.add(new Obligation(e.getKey(), deadline, null));
        }
        it.remove();
      }
    }
  }

  static LeadFact of(LeadRecord r) {
    return new LeadFact(
        r.lead().id(),
        r.lead().originBureau(),
        r.lead().postedAt(),
        r.lead().targetBureaus() == null ? List.of() : r.lead().targetBureaus(),
        r.history().stream().map(Step::of).toList());
  }
}
