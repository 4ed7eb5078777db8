package io.liaison.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.Json;
import io.liaison.api.report.Briefing;
import io.liaison.crypto.CanonicalJson;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.Roster;
import io.liaison.crypto.RosterAuthority;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.SignedRoster;
import io.liaison.crypto.Verification;
import java.nio.charset.StandardCharsets;

/**
 * Offline verification of a report file ({@code GET /api/v1/reports/{bureau}/{period}/file}): the
 * envelope's Ed25519 signature over the canonical JSON against the signer's key in the roster the
 * file carries, and, given the pinned roster-authority key ({@code authority.pub}), the roster's
 * own signature. No node is asked.
 */
public final class ReportFiles {
  /** The format the node writes. */
  public static final String FORMAT = "liaison.report/1";

  private ReportFiles() {}

  /**
   * What verification found.
   *
   * @param valid the report's signature verifies (and the roster's, when checked)
   * @param rosterChecked whether the roster was checked against a pinned authority key
   * @param briefing the briefing signed (null when the file is not readable)
   * @param canonicalSha256 SHA-256 of the briefing's canonical JSON
   * @param problem why it failed, null when valid
   */
  public record Verdict(
      boolean valid,
      boolean rosterChecked,
      String signer,
      String signedAt,
      Briefing briefing,
      String canonicalSha256,
      String problem) {}

  /**
   * Verifies {@code file}; {@code pinnedAuthority} (raw Ed25519 public key) may be null, then the
   * roster in the file is taken as given and the verdict says so.
   */
  public static Verdict verify(byte[] file, byte[] pinnedAuthority) {
    JsonNode f;
    SignedRoster signedRoster;
    SignedEnvelope env;
    try {
      f = CanonicalJson.parse(file);
      if (!FORMAT.equals(f.path("format").asText())) {
        return failed("not a report file (format " + f.path("format").asText("none") + ")");
      }
      signedRoster = SignedRoster.fromJson(f.get("roster").toString());
      env = SignedEnvelope.fromJson(f.get("report").toString().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return failed("unreadable: " + e.getMessage());
    }
    Roster roster = signedRoster.roster();
    if (pinnedAuthority != null) {
      try {
        roster = RosterAuthority.verify(signedRoster, pinnedAuthority);
      } catch (RuntimeException e) {
        return failed("roster: " + e.getMessage());
      }
    }
    Roster trusted = roster;
    Verification v = new EnvelopeVerifier(() -> trusted).verify(env);
    Briefing b;
    try {
      b = Json.mapper().treeToValue(env.payload().get("briefing"), Briefing.class);
    } catch (Exception e) {
      return failed("the signed payload is not a briefing");
    }
    String sha = Hashes.sha256Hex(CanonicalJson.canonicalize(env.payload().get("briefing")));
    if (v instanceof Verification.Invalid inv) {
      return new Verdict(
          false,
          pinnedAuthority != null,
          env.signer().code(),
          env.signedAt().toString(),
          b,
          sha,
          "signature: " + inv.reason() + " " + inv.detail());
    }
    if (!env.signer().equals(b.bureau())) {
      return failed("briefing of " + b.bureau() + " signed by " + env.signer());
    }
    return new Verdict(
        true,
        pinnedAuthority != null,
        env.signer().code(),
        env.signedAt().toString(),
        b,
        sha,
        null);
  }

  private static Verdict failed(String problem) {
    return new Verdict(false, false, null, null, null, null, problem);
  }
}
