package io.liaison.search.link.internal;

import io.liaison.api.BureauId;
import io.liaison.api.network.Network;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The links in memory and the networks they form: connected components over the links between
 * records everyone may read (restricted records keep their links but join no network). Kept
 * incrementally: a link between two components merges them (the smaller is relabelled); removing a
 * link searches the one component it was in and splits it if it fell apart, so a withdrawn record
 * costs the size of its own network, not of the graph. Only records with at least one link are
 * held. Not thread-safe; the engine calls it under its lock.
 */
public final class Graph {
  /** A link as the graph keeps it: ends, score and the keys that counted. */
  public record Edge(String a, String b, double score, List<String> keys) {
    public Edge {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      keys = List.copyOf(keys);
    }

    public String other(String id) {
      return id.equals(a) ? b : a;
    }
  }

  /** A record with links. */
  public static final class Node {
    final String id;
    Network.Member member;
    boolean restricted;
    final Map<String, Edge> edges = new HashMap<>();
    Component component;

    Node(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public Network.Member member() {
      return member;
    }

    public Collection<Edge> edges() {
      return edges.values();
    }

    public boolean restricted() {
      return restricted;
    }

    /** The network the record belongs to, or null. */
    public Component component() {
      return component;
    }
  }

  /** A network: a connected component of at least two open records. */
  public static final class Component {
    final Set<Node> members = new LinkedHashSet<>();
    String smallest;
    private String id; // of smallest, computed once per smallest (a hash on every touch adds up)
    // members per bureau, kept as members join and leave, so crossBorder costs nothing to ask
    private final Map<BureauId, Integer> bureaus = new HashMap<>(4);

    public Set<Node> members() {
      return members;
    }

    /** Whether the members belong to two or more bureaus. */
    public boolean crossBorder() {
      return bureaus.size() > 1;
    }

    /** {@code net-} and the first 16 hex digits of SHA-256 of the smallest member id. */
    public String id() {
      if (id == null) {
        id = networkId(smallest);
      }
      return id;
    }
  }

  private final Map<String, Node> nodes = new HashMap<>();
  private final Set<String> networksBefore = new HashSet<>();
  private final Set<Node> touched = new HashSet<>();
  private boolean quiet; // while built by of(): no change tracking

  /**
   * The graph of stored links (on open), nothing marked as changed: {@code ends} holds what the
   * graph keeps of each record; a link with an end not in it is left out.
   */
  public static Graph of(Collection<Edge> edges, Map<String, ProfileCodec.Head> ends) {
    Graph g = new Graph();
    g.quiet = true;
    for (Edge e : edges) {
      ProfileCodec.Head a = ends.get(e.a());
      ProfileCodec.Head b = ends.get(e.b());
      if (a != null && b != null) {
        g.ensure(e.a(), a.member(), a.restricted());
        g.ensure(e.b(), b.member(), b.restricted());
        g.put(e);
      }
    }
    g.quiet = false;
    return g;
  }

  /** The record's node, or null when it has no links. */
  public Node node(String id) {
    return nodes.get(id);
  }

  public int size() {
    return nodes.size();
  }

  /** Every component (network), in no particular order. */
  public Set<Component> components() {
    Set<Component> out = new LinkedHashSet<>();
    for (Node n : nodes.values()) {
      if (n.component != null) {
        out.add(n.component);
      }
    }
    return out;
  }

  /** Creates or updates the node of a record that has (or is about to get) links. */
  public Node ensure(String id, Network.Member member, boolean restricted) {
    Node n = nodes.get(id);
    if (n != null && n.restricted != restricted) {
      throw new IllegalStateException(
          "remove the links of " + id + " before changing its audience");
    }
    if (n == null) {
      n = new Node(id);
      n.restricted = restricted;
      nodes.put(id, n);
    }
    n.member = member;
    touch(n);
    return n;
  }

  /** Adds or updates a link; both ends must have been {@link #ensure ensured}. */
  public void put(Edge e) {
    Node a = nodes.get(e.a());
    Node b = nodes.get(e.b());
    boolean existed = a.edges.containsKey(b.id);
    a.edges.put(b.id, e);
    b.edges.put(a.id, e);
    touch(a);
    touch(b);
    if (!existed && !a.restricted && !b.restricted) {
      join(a, b);
    }
  }

  /** Removes the link between two records if there is one. */
  public void remove(String x, String y) {
    Node a = nodes.get(x);
    Node b = nodes.get(y);
    if (a == null || b == null || a.edges.remove(y) == null) {
      return;
    }
    b.edges.remove(x);
    touch(a);
    touch(b);
    if (!a.restricted && !b.restricted) {
      split(a, b);
    }
    forgetIfAlone(a);
    forgetIfAlone(b);
  }

  /** Removes a record and all its links. */
  public void remove(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      return;
    }
    for (String other : new ArrayList<>(n.edges.keySet())) {
      remove(id, other);
    }
    nodes.remove(id);
  }

  /** Forgets a record's node if it has no links (after {@link #ensure} found none to add). */
  public void prune(String id) {
    Node n = nodes.get(id);
    if (n != null) {
      forgetIfAlone(n);
    }
  }

  private void forgetIfAlone(Node n) {
    if (n.edges.isEmpty()) {
      nodes.remove(n.id);
    }
  }

  private void join(Node a, Node b) {
    Component ca = a.component;
    Component cb = b.component;
    if (ca == null && cb == null) {
      Component c = new Component();
      add(c, a);
      add(c, b);
    } else if (ca == null) {
      add(cb, a);
    } else if (cb == null) {
      add(ca, b);
    } else if (ca != cb) {
      Component big = ca.members.size() >= cb.members.size() ? ca : cb;
      Component small = big == ca ? cb : ca;
      for (Node m : small.members) {
        add(big, m);
      }
    }
  }

  private static void add(Component c, Node n) {
    c.members.add(n);
    n.component = c;
    c.bureaus.merge(n.member.bureau(), 1, Integer::sum);
    if (c.smallest == null || n.id.compareTo(c.smallest) < 0) {
      c.smallest = n.id;
      c.id = null;
    }
  }

  /**
   * After the link a–b is gone: if a no longer reaches b, the component splits in two. Searches
   * from both ends in turn, one node at a time, until they meet (still one component) or one side
   * runs out: that side is the part that fell off and moves to a new component, the rest stays. So
   * a split costs about twice the smaller part, not the whole network: dropping links inside a
   * large network is common (a key that became over-common weakens the links of every holder).
   */
  private void split(Node a, Node b) {
    Component c = a.component;
    if (c == null) {
      return;
    }
    Search fromA = new Search(a);
    Search fromB = new Search(b);
    while (true) {
      if (fromA.step(fromB)) {
        return;
      }
      if (fromA.queue.isEmpty()) {
        detach(c, fromA.seen);
        return;
      }
      if (fromB.step(fromA)) {
        return;
      }
      if (fromB.queue.isEmpty()) {
        detach(c, fromB.seen);
        return;
      }
    }
  }

  /** Open nodes reachable from one end over open links, found one node at a time. */
  private final class Search {
    final Set<Node> seen = new HashSet<>();
    final ArrayDeque<Node> queue = new ArrayDeque<>();

    Search(Node from) {
      seen.add(from);
      queue.add(from);
    }

    /** Visits the links of the next node; true if it reached a node the other search has seen. */
    boolean step(Search other) {
      Node n = queue.poll();
      if (n == null) {
        return false;
      }
      for (Edge e : n.edges.values()) {
        Node m = nodes.get(e.other(n.id));
        if (m != null && !m.restricted && seen.add(m)) {
          if (other.seen.contains(m)) {
            return true;
          }
          queue.add(m);
        }
      }
      return false;
    }
  }

  /** Moves {@code part} (cut off from the rest of {@code c}) out of {@code c}. */
  private static void detach(Component c, Set<Node> part) {
    boolean hadSmallest = false;
    for (Node m : part) {
      c.members.remove(m);
      c.bureaus.computeIfPresent(m.member.bureau(), (k, v) -> v == 1 ? null : v - 1);
      hadSmallest |= m.id.equals(c.smallest);
      m.component = null;
    }
    if (part.size() >= 2) {
      Component p = new Component();
      for (Node m : part) {
        add(p, m);
      }
    }
    if (c.members.size() < 2) {
      for (Node m : c.members) {
        m.component = null;
      }
      c.members.clear();
      c.bureaus.clear();
    } else if (hadSmallest) {
      String min = null;
      for (Node m : c.members) {
        if (min == null || m.id.compareTo(min) < 0) {
          min = m.id;
        }
      }
      c.smallest = min;
      c.id = null;
    }
  }

  // ---- change tracking ----

  private void touch(Node n) {
    if (quiet) {
      return;
    }
    if (touched.add(n) && n.component != null) {
      networksBefore.add(n.component.id());
    }
  }

  /** What changed since the last call: components now holding touched records, ids gone. */
  public record Changes(Set<Component> changed, Set<String> dissolved) {}

  public Changes drainChanges() {
    Set<Component> changed = new LinkedHashSet<>();
    for (Node n : touched) {
      if (n.component != null && nodes.get(n.id) == n) {
        changed.add(n.component);
      }
    }
    Set<String> dissolved = new LinkedHashSet<>(networksBefore);
    for (Component c : changed) {
      dissolved.remove(c.id());
    }
    touched.clear();
    networksBefore.clear();
    return new Changes(changed, dissolved);
  }

  /** The network id of a component whose smallest member id is {@code smallest}. */
  public static String networkId(String smallest) {
    return "net-" + sha256(smallest).substring(0, 16);
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }
}
