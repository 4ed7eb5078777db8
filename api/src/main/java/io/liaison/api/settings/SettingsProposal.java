package io.liaison.api.settings;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * One version of the settings with who has signed it so far.
 *
 * @param settings the rules proposed
 * @param contentHash SHA-256 (hex) of the canonical JSON of {@code settings}: names this content
 *     when agreeing
 * @param proposedBy the bureau that signed first
 * @param agreed each bureau's signed agreement, in the order given
 * @param awaiting roster members that have not signed yet (empty: in force, or superseded)
 */
public record SettingsProposal(
    RegionSettings settings,
    String contentHash,
    BureauId proposedBy,
    List<Agreement> agreed,
    List<BureauId> awaiting) {
  public SettingsProposal {
    agreed = List.copyOf(agreed);
    awaiting = List.copyOf(awaiting);
  }

  /** A bureau's signature on the version: who signed (officer of that bureau) and when. */
  public record Agreement(BureauId bureau, String officer, Instant at) {}
}
