package io.liaison.crypto;

import io.liaison.api.BureauId;
import io.liaison.crypto.AuditReport.UnreadableLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The auditor's check of an exported record set: reads JSON Lines (one {@link SignedEnvelope} per
 * line, as {@link SignedEnvelope#toJson()} writes it; blank lines skipped; bureaus may be mixed),
 * groups the envelopes by signer keeping their order, and verifies each group as that bureau's
 * {@link AuditChain} against a trusted roster. A node's CLI wraps this:
 *
 * <pre>{@code
 * Roster roster = RosterAuthority.verify(SignedRoster.fromJson(rosterBytes), pinnedAuthorityKey);
 * AuditReport report = new ChainAuditor(roster).audit(exportFile);
 * System.out.print(report.render());
 * System.exit(report.exitCode());
 * }</pre>
 *
 * Use the newest roster: it still lists revoked keys, so old records verify, and it knows about
 * revocations that older rosters do not.
 */
public final class ChainAuditor {
  private final Roster roster;
  private final EnvelopeVerifier verifier;

  public ChainAuditor(Roster roster) {
    this.roster = Objects.requireNonNull(roster, "roster");
    this.verifier = new EnvelopeVerifier(() -> roster);
  }

  /**
   * Reads the roster file and verifies it against the pinned authority key, then audits.
   *
   * @throws RosterException if the roster is not signed by the pinned authority
   */
  public static AuditReport audit(Path export, Path rosterFile, byte[] pinnedAuthorityKey) {
    return new ChainAuditor(TrustBootstrap.readRoster(rosterFile, pinnedAuthorityKey))
        .audit(export);
  }

  public AuditReport audit(Path jsonLines) {
    try (BufferedReader reader = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8)) {
      return audit(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read export " + jsonLines, e);
    }
  }

  public AuditReport audit(Reader jsonLines) throws IOException {
    BufferedReader reader =
        jsonLines instanceof BufferedReader b ? b : new BufferedReader(jsonLines);
    List<SignedEnvelope> envelopes = new ArrayList<>();
    List<UnreadableLine> unreadable = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        envelopes.add(SignedEnvelope.fromJson(line.getBytes(StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        unreadable.add(new UnreadableLine(lineNumber, "not a well-formed envelope"));
      }
    }
    return report(envelopes, unreadable, lineNumber);
  }

  /** Audits envelopes already in memory (in stored order). */
  public AuditReport audit(List<SignedEnvelope> envelopes) {
    return report(envelopes, List.of(), envelopes.size());
  }

  private AuditReport report(
      List<SignedEnvelope> envelopes, List<UnreadableLine> unreadable, int lines) {
    Map<BureauId, List<SignedEnvelope>> bySigner = new TreeMap<>();
    for (Member member : roster.members()) {
      bySigner.put(member.bureau(), new ArrayList<>());
    }
    for (SignedEnvelope envelope : envelopes) {
      bySigner.computeIfAbsent(envelope.signer(), b -> new ArrayList<>()).add(envelope);
    }
    Map<BureauId, ChainVerdict> verdicts = new LinkedHashMap<>();
    bySigner.forEach(
        (bureau, chain) -> verdicts.put(bureau, AuditChain.verify(bureau, chain, verifier)));
    return new AuditReport(roster.version(), lines, new ArrayList<>(verdicts.values()), unreadable);
  }
}
