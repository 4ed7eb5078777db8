package io.liaison.api.network;

import java.util.List;

/** The networks spanning two or more bureaus, largest first ({@code GET /api/v1/networks}). */
public record NetworkList(int total, List<NetworkEntry> networks) {
  public NetworkList {
    networks = networks == null ? List.of() : List.copyOf(networks);
  }

  /** The list of {@code networks} in the order given. */
  public static NetworkList of(List<NetworkEntry> networks) {
    return new NetworkList(networks.size(), networks);
  }
}
