package io.liaison.api.network;

import java.util.List;

/** The hits on restricted records that concern this bureau ({@code GET /api/v1/networks/hits}). */
public record RestrictedHitList(int total, List<RestrictedHit> hits) {
  public RestrictedHitList {
    hits = hits == null ? List.of() : List.copyOf(hits);
  }

  /** The list of {@code hits}, newest first as given. */
  public static RestrictedHitList of(List<RestrictedHit> hits) {
    return new RestrictedHitList(hits.size(), hits);
  }
}
