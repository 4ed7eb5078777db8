package io.liaison.api.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.liaison.api.FieldException;

/**
 * A bureau's case number as written on the case file, e.g. {@code 兴烟立字〔2026〕第123号}. Unique within
 * its bureau; pair it with the {@link io.liaison.api.BureauId} to identify a case.
 */
public record CaseNumber(String value) implements Comparable<CaseNumber> {
  public static final int MAX = 64;

  public CaseNumber {
    value = FieldException.text(value, "caseNumber", MAX);
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new FieldException("caseNumber", "must not contain control characters");
    }
  }

  @JsonCreator
  public static CaseNumber of(String value) {
    return new CaseNumber(value);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public int compareTo(CaseNumber other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
