package io.liaison.api.settings;

import io.liaison.api.FieldException;

/**
 * A bureau's agreement to a proposed version ({@code POST /api/v1/settings/{version}/agreement}).
 *
 * @param contentHash the {@link SettingsProposal#contentHash} agreed to: signing names the content,
 *     so a bureau never agrees to something other than what it read
 */
public record AgreeRequest(String contentHash) {
  public AgreeRequest {
    contentHash = FieldException.text(contentHash, "contentHash", 64);
    if (contentHash != null && !contentHash.matches("[0-9a-f]{64}")) {
      FieldException.invalid("contentHash", "must be 64 lower-case hex digits");
    }
  }
}
