package io.liaison.search.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.Json;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.CaseRecord;
import io.liaison.api.cases.Entity;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.ident.ExtractedEntity;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCasesTest {
  static final List<DemoCases.Labelled> CASES = new DemoCases(42, 3_000).labelled().toList();

  @Test
  void sameSeedSameCasesAndAnyCaseOnItsOwn() {
    assertThat(DemoCases.cases(42, 50).toList())
        .isEqualTo(CASES.stream().limit(50).map(DemoCases.Labelled::record).toList());
    assertThat(new DemoCases(42, 3_000).generate(1234)).isEqualTo(CASES.get(1234));
    assertThat(DemoCases.cases(43, 50).toList())
        .doesNotContainAnyElementsOf(DemoCases.cases(42, 50).toList());
  }

  @Test
  void coversEveryBureauAndCategoryInChinese() {
    Set<String> bureaus =
        CASES.stream().map(l -> l.record().bureau().code()).collect(Collectors.toSet());
    assertThat(bureaus)
        .containsExactlyInAnyOrder("150924", "150981", "140222", "140221", "130728", "130725");
    Set<CaseCategory> categories =
        CASES.stream().map(l -> l.record().category()).collect(Collectors.toSet());
    assertThat(categories).containsAll(List.of(CaseCategory.values()));
    CaseRecord first = CASES.get(0).record();
    assertThat(first.narrative()).contains("执法人员").contains("年");
    assertThat(first.valueFen()).isPositive();
  }

  @Test
  void everyListedIdentifierNormalisesAndIsFoundInTheNarrative() {
    int listed = 0;
    int foundInText = 0;
    for (DemoCases.Labelled l : CASES) {
      Set<String> extracted =
          EntityExtractor.extract(l.record().narrative()).stream()
              .map(ExtractedEntity::identifier)
              .map(Identifier::term)
              .collect(Collectors.toSet());
      for (Entity e : l.record().entities()) {
        IdentifierType type = IdentifierType.of(e.type()).orElse(null);
        if (type == null) {
          continue;
        }
        Identifier id =
            Identifiers.normalise(type, e.value()).orElseThrow(() -> new AssertionError(e));
        assertThat(id.valid()).as(e.toString()).isTrue();
        listed++;
        if (extracted.contains(id.term())) {
          foundInText++;
        }
      }
    }
    assertThat(listed).isGreaterThan(3_000);
    assertThat(foundInText).isEqualTo(listed);
  }

  @Test
  void plantedNetworksShareIdentifiersAcrossBureaus() {
    Map<Integer, Set<String>> bureausOf = new HashMap<>();
    Map<String, Set<Integer>> networksOfTerm = new HashMap<>();
    Map<Integer, Integer> casesOf = new HashMap<>();
    for (DemoCases.Labelled l : CASES) {
      if (l.network() < 0) {
        continue;
      }
      casesOf.merge(l.network(), 1, Integer::sum);
      bureausOf.computeIfAbsent(l.network(), k -> new HashSet<>()).add(l.record().bureau().code());
      for (ExtractedEntity e : EntityExtractor.extract(l.record().narrative())) {
        networksOfTerm
            .computeIfAbsent(e.identifier().term(), k -> new HashSet<>())
            .add(l.network());
      }
    }
    long share = CASES.stream().filter(l -> l.network() >= 0).count();
    assertThat(share).isBetween(300L, 450L);
    long crossBorder = bureausOf.values().stream().filter(b -> b.size() > 1).count();
    assertThat(crossBorder).isGreaterThan(bureausOf.size() / 2);
    // an identifier never ties two different planted networks together
    assertThat(networksOfTerm.values()).allMatch(n -> n.size() == 1);
  }

  @Test
  void writesJsonLinesThatReadBack() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DemoCases(7, 20).writeJsonLines(out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(20);
    assertThat(Json.mapper().readValue(lines[3], CaseRecord.class))
        .isEqualTo(new DemoCases(7, 20).generate(3).record());
  }
}
