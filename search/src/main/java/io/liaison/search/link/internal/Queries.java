package io.liaison.search.link.internal;

import io.liaison.api.network.Network;
import io.liaison.search.link.Link;
import io.liaison.search.link.NetworkGraph;
import io.liaison.search.link.SealedHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-side views of the engine's state; called under the engine's lock. */
public final class Queries {
  private Queries() {}

  /** The current links of a record with their evidence, strongest first. */
  public static List<Link> links(Core core, String recordId) throws IOException {
    Graph.Node node = core.graph().node(recordId);
    Optional<Profile> p = core.index().profile(recordId);
    if (node == null || p.isEmpty()) {
      return List.of();
    }
    List<Link> out = new ArrayList<>();
    Linker.Lookup df = core.linker().lookup();
    for (Graph.Edge e : node.edges()) {
      Optional<Profile> q = core.index().profile(e.other(recordId));
      if (q.isPresent()) {
        out.add(core.linker().score(p.get(), q.get(), df).link());
      }
    }
    out.sort(Comparator.comparingDouble(Link::score).reversed().thenComparing(Link::a));
    return out;
  }

  /** A network's members and links with evidence. */
  public static Optional<NetworkGraph> graph(Core core, String networkId) throws IOException {
    Graph.Component c = core.network(networkId);
    if (c == null) {
      return Optional.empty();
    }
    Map<String, Profile> profiles = new HashMap<>();
    List<Network.Member> nodes = new ArrayList<>();
    for (Graph.Node n : c.members()) {
      nodes.add(n.member());
      core.index().profile(n.id()).ifPresent(p -> profiles.put(p.id(), p));
    }
    nodes.sort(Comparator.comparing(Network.Member::date).thenComparing(Network.Member::id));
    List<Link> edges = new ArrayList<>();
    Linker.Lookup df = core.linker().lookup();
    for (Graph.Edge e : Networks.edges(c.members(), 0)) {
      Profile a = profiles.get(e.a());
      Profile b = profiles.get(e.b());
      if (a != null && b != null) {
        edges.add(core.linker().score(a, b, df).link());
      }
    }
    return Optional.of(new NetworkGraph(networkId, nodes, edges));
  }

  /** Pointers to the restricted records linked to a record that its owner may not read. */
  public static List<SealedHit> sealedHits(Core core, String recordId) throws IOException {
    Graph.Node node = core.graph().node(recordId);
    Optional<Profile> p = core.index().profile(recordId);
    if (node == null || p.isEmpty()) {
      return List.of();
    }
    List<SealedHit> out = new ArrayList<>();
    for (Graph.Edge e : node.edges()) {
      Optional<Profile> q = core.index().profile(e.other(recordId));
      if (q.isPresent()) {
        Core.hitOf(p.get(), q.get()).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparing(SealedHit::sealedRecordId));
    return out;
  }
}
