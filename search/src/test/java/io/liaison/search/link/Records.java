package io.liaison.search.link;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.search.SearchDocument;
import java.time.LocalDate;
import java.util.List;

/** Small hand-built records for link tests. */
final class Records {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId FENGZHEN = BureauId.of("150981");
  static final BureauId TIANZHEN = BureauId.of("140222");
  static final BureauId HUAIAN = BureauId.of("130728");

  private Records() {}

  /** A case of {@code bureau} with a narrative and listed entities; brand 中华, 300 cartons. */
  static SearchDocument doc(String id, BureauId bureau, String narrative, Entity... entities) {
    return doc(id, bureau, 1, narrative, entities);
  }

  static SearchDocument doc(
      String id, BureauId bureau, long version, String narrative, Entity... entities) {
    return new SearchDocument(
        id,
        SearchDocument.Kind.CASE,
        bureau,
        CaseCategory.UNLICENSED_TRANSPORT,
        LocalDate.of(2026, 3, 1).plusDays(Math.floorMod(id.hashCode(), 60)),
        13_500_000,
        60_000,
        Disposition.ADMINISTRATIVE_PENALTY,
        List.of("中华"),
        id,
        narrative,
        null,
        List.of(entities),
        true,
        version);
  }

  /** The same case with an address. */
  static SearchDocument withAddress(SearchDocument d, String address) {
    return new SearchDocument(
        d.id(),
        d.kind(),
        d.bureau(),
        d.category(),
        d.date(),
        d.valueFen(),
        d.sticks(),
        d.disposition(),
        d.brands(),
        d.title(),
        d.narrative(),
        address,
        d.entities(),
        true,
        d.version());
  }

  static Entity person(String v) {
    return new Entity(EntityType.PERSON, v);
  }

  static Entity phone(String v) {
    return new Entity(EntityType.PHONE, v);
  }

  static Entity plate(String v) {
    return new Entity(EntityType.PLATE, v);
  }

  static Entity idNumber(String v) {
    return new Entity(EntityType.ID_NUMBER, v);
  }

  static Entity licence(String v) {
    return new Entity(EntityType.LICENCE, v);
  }

  static Entity waybill(String v) {
    return new Entity(EntityType.WAYBILL, v);
  }

  static Entity account(String v) {
    return new Entity(EntityType.ACCOUNT, v);
  }
}
