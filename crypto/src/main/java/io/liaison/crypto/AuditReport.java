package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ChainAuditor} found: one verdict per bureau chain (every roster member, and every
 * other signer found in the export), and the lines that could not be read as envelopes.
 */
public record AuditReport(
    long rosterVersion,
    int lines,
    List<ChainVerdict> chains,
    int records,
    List<RecordProblem> recordProblems,
    List<UnreadableLine> unreadable) {

  /**
   * A record (an envelope that is not a chain entry) that does not verify, or that its signer's
   * chain does not log (1-based line number).
   */
  public record RecordProblem(int line, BureauId signer, String hash, String problem) {
    public RecordProblem {
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** A line of the export that is not a well-formed envelope (1-based line number). */
  public record UnreadableLine(int line, String detail) {
    public UnreadableLine {
      Objects.requireNonNull(detail, "detail");
    }
  }

  public AuditReport {
    chains = List.copyOf(chains);
    recordProblems = List.copyOf(recordProblems);
    unreadable = List.copyOf(unreadable);
  }

  /** True when every chain is intact (or empty), every record is fine and every line readable. */
  public boolean allIntact() {
    return unreadable.isEmpty()
        && recordProblems.isEmpty()
        && chains.stream().allMatch(ChainVerdict::intact);
  }

  /** 0 when {@link #allIntact()}, else 1: the exit status for a command-line wrapper. */
  public int exitCode() {
    return allIntact() ? 0 : 1;
  }

  /** The report as text for people, one line per chain, then a verdict line. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Audit of ")
        .append(lines)
        .append(" exported records against roster v")
        .append(rosterVersion)
        .append('\n');
    for (ChainVerdict chain : chains) {
      out.append(chain.intact() ? "  OK    " : "  FAIL  ").append(chain.describe()).append('\n');
    }
    if (records > 0) {
      out.append("  ")
          .append(recordProblems.isEmpty() ? "OK    " : "FAIL  ")
          .append(records)
          .append(" records, ")
          .append(recordProblems.size())
          .append(" with problems\n");
    }
    for (RecordProblem problem : recordProblems) {
      out.append("  FAIL  line ")
          .append(problem.line())
          .append(" record of ")
          .append(problem.signer())
          .append(" (")
          .append(problem.hash(), 0, Math.min(12, problem.hash().length()))
          .append("…): ")
          .append(problem.problem())
          .append('\n');
    }
    for (UnreadableLine line : unreadable) {
      out.append("  FAIL  line ")
          .append(line.line())
          .append(": ")
          .append(line.detail())
          .append('\n');
    }
    long failed = chains.stream().filter(c -> !c.intact()).count();
    out.append(
        allIntact()
            ? "VERDICT: all " + chains.size() + " chains intact\n"
            : "VERDICT: "
                + failed
                + " of "
                + chains.size()
                + " chains broken, "
                + recordProblems.size()
                + " record problems, "
                + unreadable.size()
                + " unreadable lines\n");
    return out.toString();
  }
}
