package io.liaison.node.cases;

import io.liaison.api.BureauId;
import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import io.liaison.fixtures.demo.DemoCases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Counts over the demo cases of some bureaus, done by hand (what the facets must say). */
record DemoCounts(List<CaseRecord> cases) {
  static DemoCounts of(long seed, int count, List<BureauId> bureaus) {
    return new DemoCounts(
        DemoCases.cases(seed, count).filter(c -> bureaus.contains(c.bureau())).toList());
  }

  long total() {
    return cases.size();
  }

  Map<String, Long> byBureau() {
    return by(c -> Set.of(c.bureau().code()));
  }

  Map<String, Long> byCategory() {
    return by(c -> Set.of(c.category().name()));
  }

  Map<String, Long> byMonth() {
    return by(c -> Set.of(c.foundOn().toString().substring(0, 7)));
  }

  Map<String, Long> byBrand() {
    return by(DemoCounts::brands);
  }

  long count(String category, String brand, long minValueFen) {
    return cases.stream()
        .filter(c -> c.category().name().equals(category))
        .filter(c -> brands(c).contains(brand))
        .filter(c -> c.valueFen() >= minValueFen)
        .count();
  }

  static Set<String> brands(CaseRecord c) {
    Set<String> b = new TreeSet<>();
    c.items().stream().map(BrandItem::brand).forEach(b::add);
    c.entities().stream()
        .filter(e -> e.type() == EntityType.BRAND)
        .map(Entity::value)
        .forEach(b::add);
    return b;
  }

  private Map<String, Long> by(Function<CaseRecord, Set<String>> values) {
    Map<String, Long> m = new TreeMap<>();
    for (CaseRecord c : cases) {
      for (String v : values.apply(c)) {
        m.merge(v, 1L, Long::sum);
      }
    }
    return m;
  }
}
