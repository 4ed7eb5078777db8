package io.liaison.api.cases;

import io.liaison.api.BureauId;
import java.time.LocalDate;
import java.util.List;

/**
 * What the quarterly report (季度通报) and its counts read of a case: a {@link CaseRecord}, or the
 * compact fact a node keeps of each case for its reports (no narrative, entities, location or
 * items; issue 32's heap bound). The accessors are those of {@link CaseRecord}, with the same
 * meaning.
 */
public interface CountedCase {
  CaseNumber caseNumber();

  BureauId bureau();

  CaseCategory category();

  LocalDate filedOn();

  long valueFen();

  Disposition disposition();

  long fineFen();

  List<String> linkedLeadIds();

  Integer detainedPersons();

  Integer sentencedPersons();

  Long treasuryFen();

  /** Total seized sticks over all items. */
  long totalSticks();
}
