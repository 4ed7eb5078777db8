package io.liaison.api.informant;

import io.liaison.api.BureauId;
import io.liaison.api.lead.LeadState;
import io.liaison.api.lead.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * One line of the register of reports (举报信息台帐): the lead it made, where it came from, when, how the
 * lead stands (state, outcome and case number from its feedback and close), the reward status,
 * whether an identity is sealed and for whom, and who opened it when. Never the identity. {@code
 * unreadableFor} names the chosen officers who cannot open it with their current key (they re-made
 * it after a forgotten passphrase, or have none): another chosen officer re-seals it for them
 * ({@code resealings}).
 */
public record ReportEntry(
    String leadId,
    BureauId bureau,
    String officer,
    LeadSource source,
    Instant receivedAt,
    Instant recordedAt,
    long version,
    boolean identitySealed,
    List<String> openers,
    String leadTitle,
    LeadState leadState,
    BureauId handledBy,
    int feedbackCount,
    Outcome outcome,
    String caseNumber,
    RewardStatus rewardStatus,
    String rewardNote,
    Instant rewardAt,
    List<Opening> openings,
    List<String> unreadableFor,
    List<Resealing> resealings) {
  public ReportEntry {
    openers = openers == null ? List.of() : List.copyOf(openers);
    openings = openings == null ? List.of() : List.copyOf(openings);
    unreadableFor = unreadableFor == null ? List.of() : List.copyOf(unreadableFor);
    resealings = resealings == null ? List.of() : List.copyOf(resealings);
  }

  /** An opening of the identity (who, when, on which bureau's node). */
  public record Opening(String officer, BureauId bureau, Instant at) {}

  /**
   * A re-seal: {@code officer} of {@code bureau}, who could open the identity, sealed it again at
   * {@code at} to the current key of {@code opener} (whose key was re-made).
   */
  public record Resealing(String officer, BureauId bureau, String opener, Instant at) {}

  /** The answer of {@code GET /api/v1/informants/reports}. */
  public record Page(List<ReportEntry> items) {
    public Page {
      items = List.copyOf(items);
    }
  }
}
