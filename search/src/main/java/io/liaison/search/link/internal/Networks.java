package io.liaison.search.link.internal;

import io.liaison.api.BureauId;
import io.liaison.api.cases.EntityType;
import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Summaries and merge proposals of the components of the {@link Graph}. */
public final class Networks {
  private static final int KEY_ENTITIES = 10;
  private static final Comparator<Network.Member> BY_DATE =
      Comparator.comparing(Network.Member::date).thenComparing(Network.Member::id);

  private Networks() {}

  /** The summary of a component. */
  public static Network summary(Graph.Component c) {
    List<Graph.Edge> edges = edges(c.members(), 0);
    List<Network.Member> members =
        c.members().stream().map(Graph.Node::member).sorted(BY_DATE).toList();
    return new Network(
        c.id(),
        members,
        bureaus(members),
        keyEntities(edges),
        members.get(0).date(),
        members.stream().map(Network.Member::date).max(Comparator.naturalOrder()).orElseThrow(),
        members.stream().mapToLong(Network.Member::sticks).sum(),
        members.stream().mapToLong(Network.Member::valueFen).sum(),
        edges.size());
  }

  /**
   * The merge proposals of a component: each part held together by links of at least {@code
   * minScore} whose members belong to two or more bureaus.
   */
  public static List<MergeProposal> proposals(Graph.Component c, double minScore) {
    List<MergeProposal> out = new ArrayList<>();
    if (!c.crossBorder()) {
      return out; // no part of a network of one bureau can span two: skip the walk
    }
    Set<Graph.Node> seen = new HashSet<>();
    Map<String, Graph.Node> byId = new HashMap<>();
    c.members().forEach(n -> byId.put(n.id(), n));
    for (Graph.Node start : c.members()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<Graph.Node> part = new LinkedHashSet<>();
      ArrayDeque<Graph.Node> queue = new ArrayDeque<>(List.of(start));
      part.add(start);
      while (!queue.isEmpty()) {
        Graph.Node n = queue.poll();
        for (Graph.Edge e : n.edges()) {
          Graph.Node m = byId.get(e.other(n.id()));
          if (m != null && e.score() >= minScore && part.add(m)) {
            seen.add(m);
            queue.add(m);
          }
        }
      }
      List<Network.Member> members =
          part.stream()
              .map(Graph.Node::member)
              .sorted(Comparator.comparing(Network.Member::id))
              .toList();
      List<BureauId> bureaus = bureaus(members);
      if (bureaus.size() < 2) {
        continue;
      }
      List<Graph.Edge> edges = edges(part, minScore);
      out.add(
          new MergeProposal(
              MergeProposal.idOf(members.stream().map(Network.Member::id).toList()),
              c.id(),
              members,
              bureaus,
              lead(members),
              bottleneck(part, edges),
              keyEntities(edges),
              members.stream()
                  .map(Network.Member::date)
                  .min(Comparator.naturalOrder())
                  .orElseThrow(),
              members.stream()
                  .map(Network.Member::date)
                  .max(Comparator.naturalOrder())
                  .orElseThrow(),
              members.stream().mapToLong(Network.Member::sticks).sum(),
              members.stream().mapToLong(Network.Member::valueFen).sum()));
    }
    out.sort(Comparator.comparing(MergeProposal::id));
    return out;
  }

  /** Links among {@code members} with at least {@code minScore}, each once. */
  static List<Graph.Edge> edges(Set<Graph.Node> members, double minScore) {
    Set<String> ids = new HashSet<>();
    members.forEach(n -> ids.add(n.id()));
    List<Graph.Edge> out = new ArrayList<>();
    for (Graph.Node n : members) {
      for (Graph.Edge e : n.edges()) {
        if (e.a().equals(n.id()) && ids.contains(e.b()) && e.score() >= minScore) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing(Graph.Edge::a).thenComparing(Graph.Edge::b));
    return out;
  }

  private static List<BureauId> bureaus(List<Network.Member> members) {
    return List.copyOf(new TreeSet<>(members.stream().map(Network.Member::bureau).toList()));
  }

  /** The bureau with most members, then most value, then the lowest code. */
  private static BureauId lead(List<Network.Member> members) {
    Map<BureauId, long[]> weight = new TreeMap<>();
    for (Network.Member m : members) {
      long[] w = weight.computeIfAbsent(m.bureau(), b -> new long[2]);
      w[0]++;
      w[1] += m.valueFen();
    }
    return weight.entrySet().stream()
        .max(
            Comparator.<Map.Entry<BureauId, long[]>>comparingLong(e -> e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1])
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  /** The weakest link of the strongest spanning tree (Kruskal, strongest first). */
  private static double bottleneck(Set<Graph.Node> part, List<Graph.Edge> edges) {
    Map<String, String> parent = new HashMap<>();
    part.forEach(n -> parent.put(n.id(), n.id()));
    List<Graph.Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparingDouble(Graph.Edge::score).reversed());
    int groups = part.size();
    double weakest = 1;
    for (Graph.Edge e : sorted) {
      String ra = root(parent, e.a());
      String rb = root(parent, e.b());
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
        weakest = e.score();
        if (--groups == 1) {
          break;
        }
      }
    }
    return weakest;
  }

  private static String root(Map<String, String> parent, String x) {
    while (!parent.get(x).equals(x)) {
      x = parent.get(x);
    }
    return x;
  }

  /** Values that counted in the links, by how many distinct members they tie. */
  static List<Network.KeyEntity> keyEntities(List<Graph.Edge> edges) {
    Map<String, Set<String>> members = new HashMap<>();
    for (Graph.Edge e : edges) {
      for (String key : e.keys()) {
        Set<String> m = members.computeIfAbsent(key, k -> new HashSet<>());
        m.add(e.a());
        m.add(e.b());
      }
    }
    List<Network.KeyEntity> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> en : members.entrySet()) {
      String key = en.getKey();
      int colon = key.indexOf(':');
      String type = key.substring(0, colon);
      out.add(
          new Network.KeyEntity(
              type.equals("TEXT") ? null : EntityType.valueOf(type),
              key.substring(colon + 1),
              en.getValue().size()));
    }
    out.sort(
        Comparator.comparingInt(Network.KeyEntity::members)
            .reversed()
            .thenComparing(k -> k.type() == null ? "" : k.type().name())
            .thenComparing(Network.KeyEntity::value));
    return out.size() > KEY_ENTITIES ? List.copyOf(out.subList(0, KEY_ENTITIES)) : out;
  }
}
