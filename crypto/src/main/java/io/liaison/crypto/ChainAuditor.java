package io.liaison.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.BureauId;
import io.liaison.crypto.AuditReport.RecordProblem;
import io.liaison.crypto.AuditReport.UnreadableLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auditor's check of an exported record set: reads JSON Lines (one {@link SignedEnvelope} per
 * line, as {@link SignedEnvelope#toJson()} writes it; blank lines skipped; bureaus may be mixed),
 * splits chain entries from records by a {@link ChainLayout}, groups the entries by signer keeping
 * their order and verifies each group as that bureau's {@link AuditChain} against a trusted roster.
 * Records are verified one by one and, if the layout names a reference field, must be logged in
 * their signer's chain (checked for signers whose chain is in the export). A node's CLI wraps this:
 *
 * <pre>{@code
 * Roster roster = RosterAuthority.verify(SignedRoster.fromJson(rosterBytes), pinnedAuthorityKey);
 * AuditReport report =
 *     new ChainAuditor(roster, ChainLayout.entries("audit.entry", "envelope")).audit(exportFile);
 * System.out.print(report.render());
 * System.exit(report.exitCode());
 * }</pre>
 *
 * Use the newest roster: it still lists revoked keys, so old records verify, and it knows about
 * revocations that older rosters do not.
 */
public final class ChainAuditor {
  private final Roster roster;
  private final ChainLayout layout;
  private final EnvelopeVerifier verifier;

  /** Every envelope of the export is a chain entry ({@link ChainLayout#EVERY_ENVELOPE}). */
  public ChainAuditor(Roster roster) {
    this(roster, ChainLayout.EVERY_ENVELOPE);
  }

  public ChainAuditor(Roster roster, ChainLayout layout) {
    this.roster = Objects.requireNonNull(roster, "roster");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.verifier = new EnvelopeVerifier(() -> roster);
  }

  /**
   * Reads the roster file and verifies it against the pinned authority key, then audits.
   *
   * @throws RosterException if the roster is not signed by the pinned authority
   */
  public static AuditReport audit(
      Path export, Path rosterFile, byte[] pinnedAuthorityKey, ChainLayout layout) {
    return new ChainAuditor(TrustBootstrap.readRoster(rosterFile, pinnedAuthorityKey), layout)
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
    List<Line> envelopes = new ArrayList<>();
    List<UnreadableLine> unreadable = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        envelopes.add(
            new Line(lineNumber, SignedEnvelope.fromJson(line.getBytes(StandardCharsets.UTF_8))));
      } catch (IllegalArgumentException e) {
        unreadable.add(new UnreadableLine(lineNumber, "not a well-formed envelope"));
      }
    }
    return report(envelopes, unreadable, lineNumber);
  }

  /** Audits envelopes already in memory (in stored order; "line" numbers count from 1). */
  public AuditReport audit(List<SignedEnvelope> envelopes) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < envelopes.size(); i++) {
      lines.add(new Line(i + 1, envelopes.get(i)));
    }
    return report(lines, List.of(), envelopes.size());
  }

  private record Line(int number, SignedEnvelope envelope) {}

  private AuditReport report(List<Line> envelopes, List<UnreadableLine> unreadable, int lines) {
    Map<BureauId, List<SignedEnvelope>> chains = new TreeMap<>();
    for (Member member : roster.members()) {
      chains.put(member.bureau(), new ArrayList<>());
    }
    List<Line> records = new ArrayList<>();
    for (Line line : envelopes) {
      if (layout.isEntry(line.envelope())) {
        chains
            .computeIfAbsent(line.envelope().signer(), b -> new ArrayList<>())
            .add(line.envelope());
      } else {
        records.add(line);
      }
    }
    List<ChainVerdict> verdicts = new ArrayList<>();
    chains.forEach((bureau, chain) -> verdicts.add(AuditChain.verify(bureau, chain, verifier)));
    return new AuditReport(
        roster.version(),
        lines,
        verdicts,
        records.size(),
        checkRecords(records, chains),
        unreadable);
  }

  private List<RecordProblem> checkRecords(
      List<Line> records, Map<BureauId, List<SignedEnvelope>> chains) {
    Map<BureauId, Set<String>> logged = new HashMap<>();
    if (layout.referenceField() != null) {
      chains.forEach(
          (bureau, chain) -> {
            Set<String> hashes = new HashSet<>();
            for (SignedEnvelope entry : chain) {
              JsonNode reference = entry.payload().get(layout.referenceField());
              if (reference != null && reference.isTextual() && verifier.verify(entry).isValid()) {
                hashes.add(reference.textValue());
              }
            }
            logged.put(bureau, hashes);
          });
    }
    List<RecordProblem> problems = new ArrayList<>();
    for (Line line : records) {
      SignedEnvelope record = line.envelope();
      String hash = hashOrBlank(record);
      if (verifier.verify(record) instanceof Verification.Invalid invalid) {
        problems.add(
            new RecordProblem(
                line.number(), record.signer(), hash, invalid.reason() + ": " + invalid.detail()));
        continue;
      }
      boolean chainExported = !chains.getOrDefault(record.signer(), List.of()).isEmpty();
      if (layout.referenceField() != null
          && chainExported
          && !logged.getOrDefault(record.signer(), Set.of()).contains(hash)) {
        problems.add(
            new RecordProblem(
                line.number(), record.signer(), hash, "not logged in its signer's audit chain"));
      }
    }
    return problems;
  }

  private static String hashOrBlank(SignedEnvelope envelope) {
    try {
      return envelope.hash();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
