package io.liaison.api.report;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * A signed briefing as a node holds it: the briefing, the proof of its signature (verified by the
 * node before it was stored), and the neighbours' signed acknowledgements.
 *
 * @param id {@code report-<bureau>-<period label>}
 * @param version 1 for the first issue; a bureau that issues the same period again signs version 2…
 * @param canonicalSha256 SHA-256 (hex) of the briefing's canonical JSON (RFC 8785)
 */
public record ReportView(
    String id,
    long version,
    Briefing briefing,
    String canonicalSha256,
    Proof proof,
    List<Acknowledgement> acknowledgements) {
  public ReportView {
    acknowledgements = List.copyOf(acknowledgements);
  }

  /** Who signed, with which key, when, and the envelope's hash. */
  public record Proof(BureauId signer, String keyId, Instant signedAt, String hash) {}

  /**
   * A neighbour's signed reading of the report: which version (by envelope hash) it read, whether
   * its own recount from the records it holds gave the same figures, and its note.
   */
  public record Acknowledgement(
      BureauId bureau,
      String officer,
      Instant at,
      String reportHash,
      boolean figuresMatch,
      String note,
      String hash) {}
}
