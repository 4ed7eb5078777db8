package io.liaison.node.report;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * What the report needs of a merge proposal (a network put up for 并案): the bureaus involved, each
 * bureau's signed decision and when, and the lead bureau (主办) once every involved bureau accepted
 * (null otherwise), as {@code MergeStatus} derives it on every node.
 */
public record MergeFact(
    String proposalId, List<BureauId> bureaus, List<Decision> decisions, BureauId lead) {
  public MergeFact {
    bureaus = List.copyOf(bureaus);
    decisions = List.copyOf(decisions);
  }

  /** One bureau's decision. */
  public record Decision(BureauId bureau, boolean accept, Instant at) {}

  /** When the proposal was first decided on (by anyone), null with no decision. */
  Instant firstAt() {
    Instant first = null;
    for (Decision d : decisions) {
      if (first == null || d.at().isBefore(first)) {
        first = d.at();
      }
    }
    return first;
  }

  /** When the last involved bureau accepted, null unless every involved bureau accepted. */
  Instant mergedAt() {
    Instant last = null;
    for (BureauId b : bureaus) {
      Decision mine = null;
      for (Decision d : decisions) {
        if (d.bureau().equals(b)) {
          mine = d;
        }
      }
      if (mine == null || !mine.accept()) {
        return null;
      }
      if (last == null || mine.at().isAfter(last)) {
        last = mine.at();
      }
    }
    return last;
  }
}
