package io.liaison.client.informant;

import io.liaison.api.informant.Informant;
import io.liaison.api.informant.KeyRequest;
import io.liaison.api.informant.LeadSource;
import io.liaison.api.informant.OfficerKeys;
import io.liaison.api.informant.OpenRequest;
import io.liaison.api.informant.OpenedInformant;
import io.liaison.api.informant.ReportDraft;
import io.liaison.api.informant.ReportEntry;
import io.liaison.api.informant.ResealRequest;
import io.liaison.api.informant.RewardRequest;
import io.liaison.api.informant.RewardStatus;
import io.liaison.client.LiaisonClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Lead sources and informants ({@code /api/v1/informants}): officers' sealing keys, recording where
 * a lead came from with the informant's identity sealed to chosen officers, the register of reports
 * (举报信息台帐), reward status, and opening an identity one was chosen for. Obtain with {@link
 * LiaisonClient#informants()}.
 */
public final class InformantCalls {
  private final LiaisonClient client;

  public InformantCalls(LiaisonClient client) {
    this.client = client;
  }

  private static String path(String leadId) {
    return "/api/v1/informants/reports/" + URLEncoder.encode(leadId, StandardCharsets.UTF_8);
  }

  /**
   * A first sealing key for the signed-in officer, kept on their node under {@code passphrase}
   * (refused with {@code key-exists} when they have one).
   */
  public OfficerKeys makeKey(String passphrase) {
    return client.put("/api/v1/informants/keys/me", new KeyRequest(passphrase), OfficerKeys.class);
  }

  /** The same key kept under {@code passphrase}; what was sealed to it stays readable. */
  public OfficerKeys changePassphrase(String currentPassphrase, String passphrase) {
    return client.put(
        "/api/v1/informants/keys/me",
        new KeyRequest(passphrase, currentPassphrase, false),
        OfficerKeys.class);
  }

  /**
   * A new key after a forgotten passphrase: what was sealed to the old key is unreadable for this
   * officer ({@link ReportEntry#unreadableFor()}) until another chosen officer re-seals it.
   */
  public OfficerKeys remakeKey(String passphrase) {
    return client.put(
        "/api/v1/informants/keys/me", new KeyRequest(passphrase, null, true), OfficerKeys.class);
  }

  /**
   * Seals the identity again for {@code opener}, a chosen officer whose key was re-made: done by
   * {@code officer}, another chosen officer signed in on their own node with their passphrase.
   */
  public ReportEntry reseal(String officer, String leadId, String passphrase, String opener) {
    return client.post(
        path(leadId) + "/reseal",
        new ResealRequest(officer, passphrase, opener),
        ReportEntry.class);
  }

  /** Every bureau's officers' sealing keys the node holds (whom a poster can choose). */
  public OfficerKeys.Page keys() {
    return client.get("/api/v1/informants/keys", OfficerKeys.Page.class);
  }

  /** Records where a lead of this bureau came from; {@code informant} sealed to {@code openers}. */
  public ReportEntry record(
      String officer,
      String leadId,
      LeadSource source,
      Instant receivedAt,
      Informant informant,
      List<String> openers) {
    return client.post(
        "/api/v1/informants/reports",
        new ReportDraft(officer, leadId, source, receivedAt, informant, openers),
        ReportEntry.class);
  }

  /** The register: this bureau's reports, and others' the signed-in officer may open. */
  public ReportEntry.Page register(int limit) {
    return client.get("/api/v1/informants/reports?limit=" + limit, ReportEntry.Page.class);
  }

  /** One line of the register. */
  public ReportEntry get(String leadId) {
    return client.get(path(leadId), ReportEntry.class);
  }

  /** Sets the reward status of one of this bureau's reports. */
  public ReportEntry reward(String officer, String leadId, RewardStatus status, String note) {
    return client.post(
        path(leadId) + "/reward", new RewardRequest(officer, status, note), ReportEntry.class);
  }

  /** Opens the identity (a chosen officer on their own node; audited). */
  public OpenedInformant open(String officer, String leadId, String passphrase) {
    return client.post(
        path(leadId) + "/open", new OpenRequest(officer, passphrase), OpenedInformant.class);
  }
}
