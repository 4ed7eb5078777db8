package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadEvent;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.TransitionView;
import io.liaison.node.lead.LeadRecord;
import java.time.Instant;
import java.util.List;

/**
 * What the report needs of a lead: who posted it when, to whom, and each signed step (event, the
 * bureau that signed it, when, the outcome of a close). Taken from the verified lead record; the
 * content of a sealed lead is never needed.
 */
public record LeadFact(
    String id, BureauId origin, long postedAtMillis, List<BureauId> targets, List<Step> steps) {
  public LeadFact {
    // bureau ids shared between facts: a node keeps one fact per lead (issue 32's heap bound)
    origin = CaseFact.shared(origin);
    targets = List.copyOf(targets.stream().map(CaseFact::shared).toList());
    steps = List.copyOf(steps);
  }

  /**
   * A lead posted at {@code postedAt}; times are kept as epoch milliseconds (signed records carry
   * milliseconds): an {@link Instant} per time was 24 bytes a lead and a step more (issue 32).
   */
  public LeadFact(
      String id, BureauId origin, Instant postedAt, List<BureauId> targets, List<Step> steps) {
    this(id, origin, postedAt.toEpochMilli(), targets, steps);
  }

  public Instant postedAt() {
    return Instant.ofEpochMilli(postedAtMillis);
  }

  /** One signed transition. */
  public record Step(LeadEvent event, BureauId bureau, long atMillis, Outcome outcome) {
    public Step {
      bureau = CaseFact.shared(bureau);
    }

    public Step(LeadEvent event, BureauId bureau, Instant at, Outcome outcome) {
      this(event, bureau, at.toEpochMilli(), outcome);
    }

    public Instant at() {
      return Instant.ofEpochMilli(atMillis);
    }

    static Step of(TransitionView t) {
      return new Step(t.event(), t.bureau(), t.at(), t.outcome());
    }
  }

  /** Whether the lead is addressed to {@code b}: named, or open to every member but its origin. */
  public boolean addressedTo(BureauId b) {
    return !b.equals(origin) && (targets.isEmpty() || targets.contains(b));
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
