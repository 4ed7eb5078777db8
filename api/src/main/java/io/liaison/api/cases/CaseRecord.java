package io.liaison.api.cases;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.LocalDate;
import java.util.List;

/**
 * A bureau's case (案件) as it is shared into the pool and signed by the owning bureau. Each update
 * is a new signed record with a higher {@code version}; readers keep the highest version they saw.
 *
 * <p>Amounts are fen, quantities sticks (see {@link Fen} and {@link Sticks} for 元/条/件 at the edge).
 * Dates are calendar days in Asia/Shanghai, as on the case file. {@code closedOn} is null while the
 * case is {@link Disposition#PENDING}; a fine is only possible with {@link
 * Disposition#ADMINISTRATIVE_PENALTY}.
 *
 * @param caseNumber the bureau's case number
 * @param bureau the bureau owning the case
 * @param category what the case is about
 * @param foundOn the day of the seizure or discovery (查获)
 * @param filedOn the day the case was filed (立案), not before {@code foundOn}
 * @param closedOn the day it was closed (结案), not before {@code filedOn}; null while pending
 * @param location where it happened
 * @param entities people, identifiers and brands named in the case, as written
 * @param items seized brands with quantities in sticks
 * @param valueFen case value (案值) in fen
 * @param disposition how it ended
 * @param fineFen fine in fen, zero unless an administrative penalty
 * @param linkedLeadIds ids of the leads this case came from or is linked to
 * @param narrative the case summary in Chinese (案情)
 * @param version starts at 1 and increases with each update
 */
public record CaseRecord(
    CaseNumber caseNumber,
    BureauId bureau,
    CaseCategory category,
    LocalDate foundOn,
    LocalDate filedOn,
    LocalDate closedOn,
    Location location,
    List<Entity> entities,
    List<BrandItem> items,
    long valueFen,
    Disposition disposition,
    long fineFen,
    List<String> linkedLeadIds,
    String narrative,
    long version) {
  public static final int MAX_ENTITIES = 500;
  public static final int MAX_ITEMS = 200;
  public static final int MAX_LINKED_LEADS = 100;
  public static final int MAX_NARRATIVE = 20_000;

  public CaseRecord {
    FieldException.required(caseNumber, "caseNumber");
    FieldException.required(bureau, "bureau");
    FieldException.required(category, "category");
    FieldException.required(foundOn, "foundOn");
    FieldException.required(filedOn, "filedOn");
    if (filedOn.isBefore(foundOn)) {
      throw new FieldException("filedOn", "must not be before foundOn");
    }
    FieldException.required(location, "location");
    entities = copy(entities, "entities", MAX_ENTITIES);
    items = copy(items, "items", MAX_ITEMS);
    linkedLeadIds = copy(linkedLeadIds, "linkedLeadIds", MAX_LINKED_LEADS);
    for (String id : linkedLeadIds) {
      FieldException.text(id, "linkedLeadIds", 64);
    }
    if (valueFen < 0) {
      throw new FieldException("valueFen", "must not be negative");
    }
    FieldException.required(disposition, "disposition");
    if (disposition == Disposition.PENDING) {
      if (closedOn != null) {
        throw new FieldException("closedOn", "a pending case has no closing date");
      }
    } else if (closedOn == null) {
      throw new FieldException("closedOn", "required once the case is disposed of");
    } else if (closedOn.isBefore(filedOn)) {
      throw new FieldException("closedOn", "must not be before filedOn");
    }
    if (fineFen < 0) {
      throw new FieldException("fineFen", "must not be negative");
    }
    if (fineFen > 0 && disposition != Disposition.ADMINISTRATIVE_PENALTY) {
      throw new FieldException("fineFen", "only an administrative penalty has a fine");
    }
    narrative = FieldException.text(narrative, "narrative", MAX_NARRATIVE);
    if (version < 1) {
      throw new FieldException("version", "must be at least 1");
    }
  }

  /** Total seized sticks over all items. */
  public long totalSticks() {
    return items.stream().mapToLong(BrandItem::sticks).sum();
  }

  /** The next version of this case, disposed of as {@code next} (version + 1). */
  public CaseRecord withDisposition(Disposition next, LocalDate closedOn, long fineFen) {
    return new CaseRecord(
        caseNumber,
        bureau,
        category,
        foundOn,
        filedOn,
        closedOn,
        location,
        entities,
        items,
        valueFen,
        next,
        fineFen,
        linkedLeadIds,
        narrative,
        version + 1);
  }

  private static <T> List<T> copy(List<T> list, String field, int max) {
    if (list == null) {
      return List.of();
    }
    if (list.size() > max) {
      throw new FieldException(field, "at most " + max + " entries");
    }
    for (T t : list) {
      if (t == null) {
        throw new FieldException(field, "must not contain null");
      }
    }
    return List.copyOf(list);
  }
}
