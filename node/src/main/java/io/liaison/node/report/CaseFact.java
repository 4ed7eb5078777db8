package io.liaison.node.report;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseNumber;
import io.liaison.api.cases.CountedCase;
import io.liaison.api.cases.Disposition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link ReportFacts} keeps of a case for the reports: only what {@link CaseSection}, {@link
 * RewardSection} and {@link RegionalTotals} read ({@link CountedCase}), the seized sticks summed
 * once, the bureau and filing day shared between cases. A case's narrative (up to 20,000
 * characters), entities, location and items are not kept: at 1M cases they were most of the
 * report's heap (issue 32; docs/benchmarks.md "Quarterly report").
 */
public record CaseFact(
    CaseNumber caseNumber,
    BureauId bureau,
    CaseCategory category,
    LocalDate filedOn,
    long totalSticks,
    long valueFen,
    Disposition disposition,
    long fineFen,
    List<String> linkedLeadIds,
    Integer detainedPersons,
    Integer sentencedPersons,
    Long treasuryFen)
    implements CountedCase {
  /** Bureaus and days shared between facts, up to this many of each (a few dozen bureaus). */
  private static final int SHARED = 100_000;

  private static final Map<BureauId, BureauId> BUREAUS = new ConcurrentHashMap<>();
  private static final Map<LocalDate, LocalDate> DAYS = new ConcurrentHashMap<>();

  public CaseFact {
    bureau = shared(BUREAUS, bureau);
    filedOn = shared(DAYS, filedOn);
    linkedLeadIds = List.copyOf(linkedLeadIds);
  }

  /** The fact of {@code c} (a {@link io.liaison.api.cases.CaseRecord} as read, or a fact). */
  static CaseFact of(CountedCase c) {
    if (c instanceof CaseFact f) {
      return f;
    }
    return new CaseFact(
        c.caseNumber(),
        c.bureau(),
        c.category(),
        c.filedOn(),
        c.totalSticks(),
        c.valueFen(),
        c.disposition(),
        c.fineFen(),
        c.linkedLeadIds(),
        c.detainedPersons(),
        c.sentencedPersons(),
        c.treasuryFen());
  }

  /** {@code b}, or an equal bureau id already kept (one instance per bureau in every fact). */
  static BureauId shared(BureauId b) {
    return shared(BUREAUS, b);
  }

  private static <T> T shared(Map<T, T> kept, T t) {
    if (t == null) {
      return null;
    }
    T had = kept.get(t);
    if (had != null) {
      return had;
    }
    if (kept.size() >= SHARED) {
      return t;
    }
    had = kept.putIfAbsent(t, t);
    return had == null ? t : had;
  }
}
