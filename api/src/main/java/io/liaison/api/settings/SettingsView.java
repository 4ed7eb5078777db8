package io.liaison.api.settings;

import java.util.List;

/**
 * What {@code GET /api/v1/settings} answers.
 *
 * @param inForce the newest version every roster member signed, or null when none is agreed yet
 * @param proposals versions newer than the one in force, with their signatures so far
 */
public record SettingsView(SettingsProposal inForce, List<SettingsProposal> proposals) {
  public SettingsView {
    proposals = List.copyOf(proposals);
  }
}
