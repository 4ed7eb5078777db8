package io.liaison.api.cases.imports;

import io.liaison.api.FieldException;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import java.util.regex.Pattern;

/**
 * Values for case fields that a register does not keep in a column: a register of one kind of case
 * names no category, a register of open cases no disposition. Every part is optional: without it a
 * missing category is {@link CaseCategory#OTHER}, a missing disposition {@link
 * Disposition#PENDING}, the county the bureau's own, the address {@value #NO_ADDRESS}.
 */
public record ImportDefaults(
    CaseCategory category, Disposition disposition, String countyCode, String address) {
  public static final String NO_ADDRESS = "登记表未载明";
  private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

  public ImportDefaults {
    if (countyCode != null && !SIX_DIGITS.matcher(countyCode).matches()) {
      throw new FieldException("countyCode", "must be a six-digit division code");
    }
    address = FieldException.optionalText(address, "address", 200);
  }

  public static ImportDefaults none() {
    return new ImportDefaults(null, null, null, null);
  }
}
