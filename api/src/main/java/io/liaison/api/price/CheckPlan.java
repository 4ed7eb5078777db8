package io.liaison.api.price;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * An unannounced price check (不定期价格互查) planned by the checking bureau on retailers of a neighbour:
 * whom (groups and/or retailers), when (a date range) and who goes (at least two officers). Sealed
 * from the checked bureau until the check is recorded.
 *
 * @param id assigned by the node ({@code null} in a request)
 * @param checkingBureau the bureau that checks (the node's own)
 * @param checkedBureau the neighbour whose retailers are checked
 * @param plannedAt assigned by the node ({@code null} in a request)
 */
public record CheckPlan(
    String id,
    BureauId checkingBureau,
    BureauId checkedBureau,
    List<String> targetGroups,
    List<String> targetRetailers,
    LocalDate from,
    LocalDate to,
    List<String> officers,
    String note,
    Instant plannedAt) {
  public CheckPlan {
    id = FieldException.optionalText(id, "id", 64);
    FieldException.required(checkingBureau, "checkingBureau");
    FieldException.required(checkedBureau, "checkedBureau");
    if (checkingBureau.equals(checkedBureau)) {
      FieldException.invalid("checkedBureau", "a mutual check is of another bureau's retailers");
    }
    targetGroups = Lists.copy(targetGroups, "targetGroups", 200);
    for (String g : targetGroups) {
      if (!g.startsWith(checkedBureau.code() + "-")) {
        FieldException.invalid("targetGroups", g + " is not a group of " + checkedBureau);
      }
    }
    targetRetailers = Lists.copy(targetRetailers, "targetRetailers", 2_000);
    targetRetailers =
        targetRetailers.stream().map(l -> Retailer.licence(l, "targetRetailers")).toList();
    if (targetGroups.isEmpty() && targetRetailers.isEmpty()) {
      FieldException.invalid("targetGroups", "name at least one group or retailer to check");
    }
    FieldException.required(from, "from");
    FieldException.required(to, "to");
    if (to.isBefore(from)) {
      FieldException.invalid("to", "must not be before from");
    }
    officers = Lists.copy(officers, "officers", 50);
    officers = officers.stream().map(o -> FieldException.text(o, "officers", 64)).toList();
    if (new HashSet<>(officers).size() < 2) {
      FieldException.invalid("officers", "a check is made by at least two officers");
    }
    note = FieldException.optionalText(note, "note", 2_000);
  }

  /** This plan with the node's id, bureau and time. */
  public CheckPlan assigned(String newId, BureauId bureau, Instant at) {
    return new CheckPlan(
        newId, bureau, checkedBureau, targetGroups, targetRetailers, from, to, officers, note, at);
  }
}
