package io.liaison.search.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.liaison.api.Json;
import io.liaison.api.network.Network;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A network as a graph for clients to draw: its members as nodes and its links, with their
 * evidence, as edges ({@link Link#a()} → {@link Link#b()}).
 */
public record NetworkGraph(String networkId, List<Network.Member> nodes, List<Link> edges) {
  public NetworkGraph {
    Objects.requireNonNull(networkId, "networkId");
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The graph as JSON written by the project's shared mapper. */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
