package io.liaison.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bureau's identity: the six-digit administrative division code of its county (e.g. 150924 兴和县).
 * Whether the bureau is a member is decided by the signed roster, not by this type.
 */
public record BureauId(String code) implements Comparable<BureauId> {
  private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

  public BureauId {
    Objects.requireNonNull(code, "code");
    if (!SIX_DIGITS.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "bureau id must be a six-digit administrative division code");
    }
  }

  @JsonCreator
  public static BureauId of(String code) {
    return new BureauId(code);
  }

  @JsonValue
  public String code() {
    return code;
  }

  @Override
  public int compareTo(BureauId other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
