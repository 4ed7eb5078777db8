package io.liaison.client.settings;

import io.liaison.api.settings.AgreeRequest;
import io.liaison.api.settings.RegionSettings;
import io.liaison.api.settings.SettingsView;
import io.liaison.client.LiaisonClient;

/**
 * The rules the bureaus agree and all sign ({@code /api/v1/settings}): feedback period, overdue
 * rules, major-case value. Obtain with {@link LiaisonClient#settings()}.
 */
public final class SettingsCalls {
  private final LiaisonClient client;

  public SettingsCalls(LiaisonClient client) {
    this.client = client;
  }

  /** The version in force (null when none is agreed) and the proposals awaiting signatures. */
  public SettingsView view() {
    return client.get("/api/v1/settings", SettingsView.class);
  }

  /** Proposes the next version, signed by this bureau (the chief's action). */
  public SettingsView propose(RegionSettings settings) {
    return client.post("/api/v1/settings", settings, SettingsView.class);
  }

  /** Signs this bureau's agreement to the proposal of {@code version} with this content hash. */
  public SettingsView agree(long version, String contentHash) {
    return client.post(
        "/api/v1/settings/" + version + "/agreement",
        new AgreeRequest(contentHash),
        SettingsView.class);
  }
}
