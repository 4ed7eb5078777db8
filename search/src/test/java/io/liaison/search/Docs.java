package io.liaison.search;

import io.liaison.api.BureauId;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import java.time.LocalDate;
import java.util.List;

/** Small hand-built documents for index tests. */
final class Docs {
  static final BureauId XINGHE = BureauId.of("150924");
  static final BureauId TIANZHEN = BureauId.of("140222");

  private Docs() {}

  static SearchDocument doc(
      String id, BureauId bureau, String narrative, long version, Entity... entities) {
    return new SearchDocument(
        id,
        SearchDocument.Kind.CASE,
        bureau,
        CaseCategory.UNLICENSED_TRANSPORT,
        LocalDate.of(2026, 3, 12),
        1_350_000,
        6_000,
        Disposition.ADMINISTRATIVE_PENALTY,
        List.of("中华"),
        "兴烟立字〔2026〕第" + id + "号",
        narrative,
        "兴和县城关镇307国道检查站",
        List.of(entities),
        true,
        version);
  }

  static Entity plate(String value) {
    return new Entity(EntityType.PLATE, value);
  }

  static Entity person(String value) {
    return new Entity(EntityType.PERSON, value);
  }
}
