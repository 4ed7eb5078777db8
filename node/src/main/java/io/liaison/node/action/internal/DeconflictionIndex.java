package io.liaison.node.action.internal;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import io.liaison.api.BureauId;
import io.liaison.api.action.ConflictKind;
import io.liaison.api.action.TimeWindow;
import io.liaison.crypto.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * hundred bytes per plan, and per open record its id and ~60 bytes a mark (below). All methods are
 * synchronised: the store thread (plans) and the indexer thread (records) both write.
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

  private static final int[] NONE = new int[0];

  private final Map<String, Plan> plans = new HashMap<>();
  private final Map<String, Set<String>> byTarget = new HashMap<>();
  private final Map<String, Set<String>> byPlace = new HashMap<>();
  // Open records, compact: a node may hold a million open cases with three marks each (the
  // string-keyed maps this replaces took ~200 bytes a mark, 645 MiB at 1M cases). A record is an
  // ordinal into parallel lists; a mark is the first 64 bits of its SHA-256 (two marks sharing
  // them would be one false hit, ~1e-12 a check at 3M marks; crafting such a pair only hits the
  // crafter's own values), and its holders are an int array of ordinals.
  private final ObjectIntHashMap<String> ordinals = new ObjectIntHashMap<>();
  private final List<String> recordIds = new ArrayList<>();
  private final List<BureauId> recordBureaus = new ArrayList<>();
  private final List<long[]> recordKeys = new ArrayList<>();
  private final IntArrayList freeOrdinals = new IntArrayList();
  private final LongObjectHashMap<int[]> holdersByMark = new LongObjectHashMap<>();

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
    int ord = ordinals.getOrDefault(recordId, -1);
    if (ord >= 0) {
      for (long key : recordKeys.get(ord)) {
        unhold(key, ord);
      }
    }
    if (!open || marks.isEmpty()) {
      if (ord >= 0) {
        ordinals.remove(recordId);
        recordIds.set(ord, null);
        recordBureaus.set(ord, null);
        recordKeys.set(ord, null);
        freeOrdinals.add(ord);
      }
      return List.of();
    }
    if (ord < 0) {
      ord = freeOrdinals.isEmpty() ? recordIds.size() : freeOrdinals.removeLast();
      if (ord == recordIds.size()) {
        recordIds.add(null);
        recordBureaus.add(null);
        recordKeys.add(null);
      }
      ordinals.put(recordId, ord);
      recordIds.set(ord, recordId);
    }
    recordBureaus.set(ord, bureau);
    long[] keys = marks.stream().mapToLong(DeconflictionIndex::key).distinct().toArray();
    recordKeys.set(ord, keys);
    Map<String, Hit> hits = new LinkedHashMap<>();
    for (String m : marks) {
      for (String planId : byTarget.getOrDefault(m, Set.of())) {
        Plan p = plans.get(planId);
        if (!p.participants().contains(bureau)) {
          Hit h = new Hit(ConflictKind.OPEN_RECORD, planId, p.lead(), recordId, bureau);
          hits.putIfAbsent(h.id(), h);
        }
      }
    }
    for (long key : keys) {
      hold(key, ord);
    }
    return List.copyOf(hits.values());
  }

  /** The key of a mark in {@link #holdersByMark}: the first 64 bits of its SHA-256. */
  static long key(String mark) {
    return ByteBuffer.wrap(Hashes.sha256(mark.getBytes(StandardCharsets.UTF_8))).getLong();
  }

  private void hold(long key, int ord) {
    int[] holders = holdersByMark.get(key);
    if (holders == null) {
      holdersByMark.put(key, new int[] {ord});
    } else {
      int[] more = Arrays.copyOf(holders, holders.length + 1);
      more[holders.length] = ord;
      holdersByMark.put(key, more);
    }
  }

  private void unhold(long key, int ord) {
    int[] holders = holdersByMark.get(key);
    if (holders == null) {
      return;
    }
    int at = -1;
    for (int i = 0; i < holders.length && at < 0; i++) {
      at = holders[i] == ord ? i : -1;
    }
    if (at < 0) {
      return;
    }
    if (holders.length == 1) {
      holdersByMark.remove(key);
      return;
    }
    int[] fewer = new int[holders.length - 1];
    System.arraycopy(holders, 0, fewer, 0, at);
    System.arraycopy(holders, at + 1, fewer, at, holders.length - at - 1);
    holdersByMark.put(key, fewer);
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
      for (int ord : holdersByMark.getOrDefault(key(m), NONE)) {
        BureauId holder = recordBureaus.get(ord);
        if (!p.participants().contains(holder)) {
          Hit h = new Hit(ConflictKind.OPEN_RECORD, p.id(), p.lead(), recordIds.get(ord), holder);
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
    return new int[] {plans.size(), ordinals.size()};
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
