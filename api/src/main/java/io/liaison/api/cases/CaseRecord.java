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
 * <p>The figures of the quarterly exchange (季度通报) come from the last three fields, which records
 * signed before they existed do not carry (read as zero): persons criminally detained (刑事拘留) and
 * sentenced (判刑) in the case, and the fines and confiscation proceeds paid to the treasury
 * (上缴财政罚没款). Detentions and sentences follow a transfer to the police (detentions also while the
 * case is still open, as the police hold suspects before it is handed over); money reaches the
 * treasury only once the case is disposed of. Every invalid field is named (inside {@link
 * FieldException#collecting}), not only the first.
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
 * @param detainedPersons persons criminally detained (刑事拘留, 人), 0 when absent
 * @param sentencedPersons persons sentenced (判刑, 人), 0 when absent
 * @param treasuryFen fines and proceeds paid to the treasury (上缴财政罚没款) in fen, 0 when absent
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
    long version,
    Integer detainedPersons,
    Integer sentencedPersons,
    Long treasuryFen)
    implements CountedCase {
  public static final int MAX_ENTITIES = 500;
  public static final int MAX_ITEMS = 200;
  public static final int MAX_LINKED_LEADS = 100;
  public static final int MAX_NARRATIVE = 20_000;

  /** More persons than this in one case is a typing error. */
  public static final int MAX_PERSONS = 10_000;

  public CaseRecord {
    FieldException.required(caseNumber, "caseNumber");
    FieldException.required(bureau, "bureau");
    FieldException.required(category, "category");
    FieldException.required(foundOn, "foundOn");
    FieldException.required(filedOn, "filedOn");
    if (foundOn != null && filedOn != null && filedOn.isBefore(foundOn)) {
      FieldException.invalid("filedOn", "must not be before foundOn");
    }
    FieldException.required(location, "location");
    entities = copy(entities, "entities", MAX_ENTITIES);
    items = copy(items, "items", MAX_ITEMS);
    linkedLeadIds = copy(linkedLeadIds, "linkedLeadIds", MAX_LINKED_LEADS);
    for (String id : linkedLeadIds) {
      FieldException.text(id, "linkedLeadIds", 64);
    }
    if (valueFen < 0) {
      FieldException.invalid("valueFen", "must not be negative");
    }
    FieldException.required(disposition, "disposition");
    if (disposition == Disposition.PENDING) {
      if (closedOn != null) {
        FieldException.invalid("closedOn", "a pending case has no closing date");
      }
    } else if (disposition != null && closedOn == null) {
      FieldException.invalid("closedOn", "required once the case is disposed of");
    } else if (closedOn != null && filedOn != null && closedOn.isBefore(filedOn)) {
      FieldException.invalid("closedOn", "must not be before filedOn");
    }
    if (fineFen < 0) {
      FieldException.invalid("fineFen", "must not be negative");
    } else if (fineFen > 0 && disposition != Disposition.ADMINISTRATIVE_PENALTY) {
      FieldException.invalid("fineFen", "only an administrative penalty has a fine");
    }
    narrative = FieldException.text(narrative, "narrative", MAX_NARRATIVE);
    if (version < 1) {
      FieldException.invalid("version", "must be at least 1");
    }
    detainedPersons = persons(detainedPersons, "detainedPersons");
    sentencedPersons = persons(sentencedPersons, "sentencedPersons");
    if (detainedPersons > 0
        && disposition != Disposition.TRANSFERRED_TO_POLICE
        && disposition != Disposition.PENDING) {
      FieldException.invalid(
          "detainedPersons",
          "only a case transferred to the police (or still open) has detentions");
    }
    if (sentencedPersons > 0 && disposition != Disposition.TRANSFERRED_TO_POLICE) {
      FieldException.invalid(
          "sentencedPersons", "only a case transferred to the police has sentences");
    }
    treasuryFen = treasuryFen == null ? 0L : treasuryFen;
    if (treasuryFen < 0) {
      FieldException.invalid("treasuryFen", "must not be negative");
    } else if (treasuryFen > 0 && disposition == Disposition.PENDING) {
      FieldException.invalid(
          "treasuryFen", "nothing is paid to the treasury while the case is open");
    }
  }

  private static int persons(Integer n, String field) {
    if (n == null) {
      return 0;
    }
    if (n < 0 || n > MAX_PERSONS) {
      FieldException.invalid(field, "must be 0.." + MAX_PERSONS);
      return 0;
    }
    return n;
  }

  /** Total seized sticks over all items. */
  public long totalSticks() {
    long sum = 0;
    for (BrandItem i : items) {
      sum += i.sticks();
    }
    return sum;
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
        version + 1,
        detainedPersons,
        sentencedPersons,
        treasuryFen);
  }

  private static <T> List<T> copy(List<T> list, String field, int max) {
    if (list == null) {
      return List.of();
    }
    if (list.size() > max) {
      FieldException.invalid(field, "at most " + max + " entries");
    }
    for (T t : list) {
      if (t == null) {
        FieldException.invalid(field, "must not contain null");
        return List.of();
      }
    }
    return List.copyOf(list);
  }
}
