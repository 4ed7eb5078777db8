package io.liaison.node.network;

import io.liaison.api.BureauId;
import io.liaison.api.network.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a merge proposal stands, computed the same way on every node from the signed decisions
 * alone: {@code ACCEPTED} when every involved bureau accepted, {@code DECLINED} when one declined,
 * {@code OPEN} otherwise. An accepted merge has a lead (主办) bureau — the one most accepting bureaus
 * named, then the lowest code — and the others co-handle (协办).
 */
public record MergeStatus(
    State state,
    List<BureauId> accepted,
    List<BureauId> declined,
    List<BureauId> awaiting,
    BureauId leadBureau,
    List<BureauId> coHandling) {

  /** The states of a proposal. */
  public enum State {
    OPEN,
    ACCEPTED,
    DECLINED
  }

  public MergeStatus {
    Objects.requireNonNull(state, "state");
    accepted = List.copyOf(accepted);
    declined = List.copyOf(declined);
    awaiting = List.copyOf(awaiting);
    coHandling = List.copyOf(coHandling);
  }

  /** The status of a proposal involving {@code bureaus} given the decisions stored so far. */
  public static MergeStatus of(List<BureauId> bureaus, List<MergeService.Signed> decisions) {
    Map<BureauId, MergeDecision> by = new TreeMap<>();
    for (MergeService.Signed s : decisions) {
      if (bureaus.contains(s.decision().bureau())) {
        by.put(s.decision().bureau(), s.decision());
      }
    }
    List<BureauId> accepted =
        by.values().stream()
            .filter(d -> d.decision() == Verdict.ACCEPT)
            .map(MergeDecision::bureau)
            .toList();
    List<BureauId> declined =
        by.values().stream()
            .filter(d -> d.decision() == Verdict.DECLINE)
            .map(MergeDecision::bureau)
            .toList();
    List<BureauId> awaiting = bureaus.stream().filter(b -> !by.containsKey(b)).sorted().toList();
    State state =
        !declined.isEmpty()
            ? State.DECLINED
            : accepted.size() == bureaus.size() ? State.ACCEPTED : State.OPEN;
    if (state != State.ACCEPTED) {
      return new MergeStatus(state, accepted, declined, awaiting, null, List.of());
    }
    Map<BureauId, Long> named = new TreeMap<>();
    by.values().stream()
        .map(MergeDecision::leadBureau)
        .filter(Objects::nonNull)
        .forEach(b -> named.merge(b, 1L, Long::sum));
    BureauId lead =
        named.entrySet().stream()
            .max(
                Comparator.comparing(Map.Entry<BureauId, Long>::getValue)
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElse(bureaus.stream().sorted().findFirst().orElseThrow());
    List<BureauId> co = bureaus.stream().filter(b -> !b.equals(lead)).sorted().toList();
    return new MergeStatus(state, accepted, declined, awaiting, lead, co);
  }
}
