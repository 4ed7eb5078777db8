package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.BureauId;
import io.liaison.api.network.Network;
import io.liaison.search.SearchDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GraphTest {
  private static final List<BureauId> BUREAUS =
      List.of(BureauId.of("150924"), BureauId.of("140222"), BureauId.of("130728"));

  /**
   * Random links added and removed (and records removed) keep the networks the graph maintains
   * equal to the connected components computed from scratch over the open links: members, smallest
   * member (the network id) and whether they cross a border. Removals inside large networks split
   * them incrementally, so this checks every way a split can go.
   */
  @Test
  void networksStayTheComponentsOfTheOpenLinks() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 20; round++) {
      Graph g = new Graph();
      int n = 10 + r.nextInt(60);
      Map<String, Network.Member> members = new HashMap<>();
      Set<String> restricted = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String id = String.format("r%03d", i);
        members.put(id, member(id, BUREAUS.get(r.nextInt(round % 2 == 0 ? 1 : 3))));
        if (r.nextInt(10) == 0) {
          restricted.add(id);
        }
      }
      Set<List<String>> links = new HashSet<>();
      for (int step = 0; step < 400; step++) {
        String a = String.format("r%03d", r.nextInt(n));
        String b = String.format("r%03d", r.nextInt(n));
        if (a.equals(b)) {
          continue;
        }
        List<String> link = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
        int what = r.nextInt(10);
        if (what < 5) {
          g.ensure(link.get(0), members.get(link.get(0)), restricted.contains(link.get(0)));
          g.ensure(link.get(1), members.get(link.get(1)), restricted.contains(link.get(1)));
          g.put(new Graph.Edge(link.get(0), link.get(1), 1.0, List.of("k")));
          links.add(link);
        } else if (what < 9) {
          g.remove(link.get(0), link.get(1));
          links.remove(link);
        } else {
          g.remove(a);
          links.removeIf(l -> l.contains(a));
        }
        g.drainChanges();
        assertThat(networks(g)).isEqualTo(expected(links, restricted));
        for (Graph.Component c : g.components()) {
          Set<BureauId> bureaus = new HashSet<>();
          c.members().forEach(m -> bureaus.add(m.member().bureau()));
          assertThat(c.crossBorder()).isEqualTo(bureaus.size() > 1);
          String smallest = new TreeSet<>(ids(c)).first();
          assertThat(c.id()).isEqualTo(Graph.networkId(smallest));
        }
      }
    }
  }

  private static Set<Set<String>> networks(Graph g) {
    Set<Set<String>> out = new HashSet<>();
    for (Graph.Component c : g.components()) {
      out.add(ids(c));
      for (Graph.Node m : c.members()) {
        assertThat(m.component()).isSameAs(c);
      }
    }
    return out;
  }

  private static Set<String> ids(Graph.Component c) {
    Set<String> ids = new HashSet<>();
    c.members().forEach(m -> ids.add(m.id()));
    return ids;
  }

  /** Connected components of at least two records over links between open records. */
  private static Set<Set<String>> expected(Set<List<String>> links, Set<String> restricted) {
    Map<String, Set<String>> adj = new HashMap<>();
    for (List<String> l : links) {
      if (!restricted.contains(l.get(0)) && !restricted.contains(l.get(1))) {
        adj.computeIfAbsent(l.get(0), k -> new HashSet<>()).add(l.get(1));
        adj.computeIfAbsent(l.get(1), k -> new HashSet<>()).add(l.get(0));
      }
    }
    Set<Set<String>> out = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (String start : adj.keySet()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<String> part = new HashSet<>(List.of(start));
      List<String> queue = new ArrayList<>(List.of(start));
      while (!queue.isEmpty()) {
        for (String m : adj.get(queue.remove(queue.size() - 1))) {
          if (part.add(m)) {
            seen.add(m);
            queue.add(m);
          }
        }
      }
      out.add(part);
    }
    return out;
  }

  private static Network.Member member(String id, BureauId bureau) {
    return new Network.Member(
        id, SearchDocument.Kind.CASE.name(), bureau, LocalDate.of(2026, 1, 1), "x", id, 0, 0);
  }
}
