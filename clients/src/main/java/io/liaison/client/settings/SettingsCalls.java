package io.liaison.client.settings;

import io.liaison.api.settings.RegionSettings;
import io.liaison.api.settings.SettingsView;
import io.liaison.client.LiaisonClient;

/**
 * The rules the bureaus agree and all sign ({@code /api/v1/settings}): feedback period, overdue
 * rules, major-case value — {@link #view}, {@link #propose}, {@link #agree} of {@link
 * AgreementCalls}. Obtain with {@link LiaisonClient#settings()}.
 */
public final class SettingsCalls extends AgreementCalls<SettingsView, RegionSettings> {
  public SettingsCalls(LiaisonClient client) {
    super(client, "/api/v1/settings", SettingsView.class);
  }
}
