package io.liaison.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.search.SearchDocument;
import io.liaison.search.ident.EntityExtractor;
import io.liaison.search.link.LinkEngine;
import io.liaison.search.link.LinkOptions;
import io.liaison.search.link.LinkRecord;
import io.liaison.search.link.NetworkMember;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCasesTest {
  @TempDir Path dir;

  @Test
  void sameSeedSameRecordsOtherSeedOtherRecords() {
    List<LabelledCases.Labelled> a = LabelledCases.generate(5, 300, Noise.HIGH);
    assertThat(LabelledCases.generate(5, 300, Noise.HIGH)).isEqualTo(a);
    assertThat(LabelledCases.generate(6, 300, Noise.HIGH)).isNotEqualTo(a);
    assertThat(a).hasSize(300);
  }

  @Test
  void hasCrossBorderNetworksHubsAndNoisySpellings() {
    List<LabelledCases.Labelled> data = LabelledCases.generate(3, 2_000, Noise.HIGH);
    Map<String, Set<String>> bureaus = new HashMap<>();
    for (LabelledCases.Labelled l : data) {
      if (l.cluster() != null && l.cluster().startsWith("N")) {
        bureaus
            .computeIfAbsent(l.cluster(), k -> new HashSet<>())
            .add(l.document().bureau().code());
      }
    }
    assertThat(bureaus.values().stream().filter(b -> b.size() > 1).count())
        .isGreaterThan(bureaus.size() / 2);
    long inClusters = data.stream().filter(l -> l.cluster() != null).count();
    assertThat(inClusters).isBetween(500L, 900L);
    Map<String, Integer> phones = new HashMap<>();
    int fullWidth = 0;
    for (LabelledCases.Labelled l : data) {
      fullWidth += l.document().narrative().matches("(?s).*[０-９].*") ? 1 : 0;
      EntityExtractor.extract(l.document().narrative()).stream()
          .filter(x -> x.type() == io.liaison.search.ident.IdentifierType.PHONE)
          .map(x -> x.normalised())
          .distinct()
          .forEach(p -> phones.merge(p, 1, Integer::sum));
    }
    assertThat(fullWidth).isGreaterThan(100);
    // depot phones recur far more often than anyone's own phone
    assertThat(phones.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThan(20);
  }

  /**
   * On messy data, with bands small enough that values cross them all the time, the networks of
   * incremental writes in two orders and of a full relink are the same.
   */
  @Test
  void networksDoNotDependOnArrivalOrderOrOnRelink() throws IOException {
    List<LabelledCases.Labelled> data = LabelledCases.generate(11, 200, Noise.HIGH);
    LinkOptions small =
        LinkOptions.defaults()
            .withBands(
                new LinkOptions.Bands(2, 4),
                new LinkOptions.Bands(2, 4),
                new LinkOptions.Bands(2, 4));
    List<SearchDocument> docs = data.stream().map(LabelledCases.Labelled::document).toList();
    List<SearchDocument> reversed = new ArrayList<>(docs);
    Collections.reverse(reversed);
    Set<Set<String>> forward = incremental(dir.resolve("f"), small, docs);
    assertThat(forward).hasSizeGreaterThan(5);
    assertThat(incremental(dir.resolve("b"), small, reversed)).isEqualTo(forward);
    try (LinkEngine engine = LinkEngine.open(dir.resolve("r"), small)) {
      engine.relink(docs.stream().map(LinkRecord::open).toList(), n -> {});
      assertThat(members(engine)).isEqualTo(forward);
    }
  }

  private static Set<Set<String>> incremental(Path path, LinkOptions o, List<SearchDocument> docs)
      throws IOException {
    try (LinkEngine engine = LinkEngine.open(path, o)) {
      for (SearchDocument d : docs) {
        engine.upsert(d);
      }
      return members(engine);
    }
  }

  private static Set<Set<String>> members(LinkEngine engine) {
    return engine.networks().stream()
        .map(n -> n.members().stream().map(NetworkMember::id).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }
}
