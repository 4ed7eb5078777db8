package io.liaison.node.action.internal;

import io.liaison.api.BureauId;
import io.liaison.api.action.ConflictKind;
import io.liaison.api.action.TimeWindow;
import io.liaison.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every node's in-memory view for deconfliction: the marks of every plan that holds its targets and
 * places (proposed, approved, active) and of every open lead and case this node reads, each in an
 * inverted index mark → holders.
 *
 * <p>Invariants: a plan is in the plan indexes under exactly the marks of its last put, and only
 * while it holds; a record likewise. Costs: a check walks the marks of the one plan or record
 * checked and, for each, its holders — O(marks × holders per mark), independent of how many plans
 * and records there are (the benchmark in ops/bench measures it at 10k plans). Memory is a few
 * hundred bytes per plan and per record entity. All methods are synchronised: the store thread
 * (plans) and the indexer thread (records) both write.
 */
public final class DeconflictionIndex {
  /** What the index keeps of a plan. */
  public record Plan(
      String id,
      BureauId lead,
      Set<BureauId> participants,
      TimeWindow window,
      boolean holds,
      List<String> targetMarks,
      List<String> placeMarks) {
    public Plan {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(lead, "lead");
      participants = Set.copyOf(participants);
      targetMarks = List.copyOf(targetMarks);
      placeMarks = List.copyOf(placeMarks);
    }
  }

  /**
   * An overlap: plan {@code planId} (led by {@code planBureau}) and {@code other} — a plan or an
   * open record — of {@code otherBureau}.
   */
  public record Hit(
      ConflictKind kind, String planId, BureauId planBureau, String other, BureauId otherBureau) {
    /** The same id on every node for the same pair and kind. */
    public String id() {
      String a = planId.compareTo(other) <= 0 ? planId : other;
      String b = a.equals(planId) ? other : planId;
      return Hashes.sha256Hex((kind + "\n" + a + "\n" + b).getBytes(StandardCharsets.UTF_8))
          .substring(0, 32);
    }

    /** Whether {@code bureau} is one of the two parties. */
    public boolean involves(BureauId bureau) {
      return planBureau.equals(bureau) || otherBureau.equals(bureau);
    }
  }

  private final Map<String, Plan> plans = new HashMap<>();
  private final Map<String, Set<String>> byTarget = new HashMap<>();
  private final Map<String, Set<String>> byPlace = new HashMap<>();
  private final Map<String, Map<String, BureauId>> recordsByMark = new HashMap<>();
  private final Map<String, List<String>> recordMarks = new HashMap<>();

  /** Takes in a plan's latest version and returns what it now overlaps (empty if it holds none). */
  public synchronized List<Hit> putPlan(Plan p) {
    Plan old = plans.remove(p.id());
    if (old != null) {
      unindex(byTarget, old.targetMarks(), old.id());
      unindex(byPlace, old.placeMarks(), old.id());
    }
    if (!p.holds()) {
      return List.of();
    }
    plans.put(p.id(), p);
    index(byTarget, p.targetMarks(), p.id());
    index(byPlace, p.placeMarks(), p.id());
    return check(p);
  }

  /**
   * Takes in an open lead's or case's marks ({@code open} false: it is closed, forget it) and
   * returns the holding plans whose targets it shares, unless its bureau takes part in them.
   */
  public synchronized List<Hit> putRecord(
      String recordId, BureauId bureau, List<String> marks, boolean open) {
    List<String> old = recordMarks.remove(recordId);
    if (old != null) {
      for (String m : old) {
        Map<String, BureauId> holders = recordsByMark.get(m);
        if (holders != null) {
          holders.remove(recordId);
          if (holders.isEmpty()) {
            recordsByMark.remove(m);
          }
        }
      }
    }
    if (!open || marks.isEmpty()) {
      return List.of();
    }
    recordMarks.put(recordId, List.copyOf(marks));
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (String m : marks) {
      recordsByMark.computeIfAbsent(m, k -> new HashMap<>()).put(recordId, bureau);
      for (String planId : byTarget.getOrDefault(m, Set.of())) {
        Plan p = plans.get(planId);
        if (!p.participants().contains(bureau)) {
          Hit h = new Hit(ConflictKind.OPEN_RECORD, planId, p.lead(), recordId, bureau);
          hits.putIfAbsent(h.id(), h);
        }
      }
    }
    return List.copyOf(hits.values());
  }

  /** Forgets a record. */
  public void removeRecord(String recordId) {
    putRecord(recordId, null, List.of(), false);
  }

  /** What a holding plan overlaps, without changing the index (the benchmark's measure). */
  public synchronized List<Hit> check(Plan p) {
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (String m : p.targetMarks()) {
      for (String other : byTarget.getOrDefault(m, Set.of())) {
        Plan o = plans.get(other);
        if (!other.equals(p.id()) && !o.lead().equals(p.lead())) {
          Hit h = new Hit(ConflictKind.TARGET, p.id(), p.lead(), other, o.lead());
          hits.putIfAbsent(h.id(), h);
        }
      }
      for (Map.Entry<String, BureauId> r : recordsByMark.getOrDefault(m, Map.of()).entrySet()) {
        if (!p.participants().contains(r.getValue())) {
          Hit h = new Hit(ConflictKind.OPEN_RECORD, p.id(), p.lead(), r.getKey(), r.getValue());
          hits.putIfAbsent(h.id(), h);
        }
      }
    }
    if (p.window() != null) {
      for (String m : p.placeMarks()) {
        for (String other : byPlace.getOrDefault(m, Set.of())) {
          Plan o = plans.get(other);
          if (!other.equals(p.id())
              && !o.lead().equals(p.lead())
              && o.window() != null
              && o.window().overlaps(p.window())) {
            Hit h = new Hit(ConflictKind.PLACE_TIME, p.id(), p.lead(), other, o.lead());
            hits.putIfAbsent(h.id(), h);
          }
        }
      }
    }
    return new ArrayList<>(hits.values());
  }

  /** How many plans hold their marks, and how many records are indexed. */
  public synchronized int[] size() {
    return new int[] {plans.size(), recordMarks.size()};
  }

  private static void index(Map<String, Set<String>> idx, List<String> marks, String id) {
    for (String m : marks) {
      idx.computeIfAbsent(m, k -> new HashSet<>()).add(id);
    }
  }

  private static void unindex(Map<String, Set<String>> idx, List<String> marks, String id) {
    for (String m : marks) {
      Set<String> s = idx.get(m);
      if (s != null) {
        s.remove(id);
        if (s.isEmpty()) {
          idx.remove(m);
        }
      }
    }
  }
}
